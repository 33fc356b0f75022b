namespace CoachFlow.Domain.Engagements;

/// <summary>
/// An engagement's id: 128 random bits as 32 lowercase hex digits, so it is unguessable
/// and safe as a Table Storage key and in URLs. The random bytes come from the caller.
/// </summary>
public readonly record struct EngagementId
{
    public const int RandomByteCount = 16;
    private const int Length = RandomByteCount * 2;

    private EngagementId(string value) => Value = value;

    public string Value { get; }

    public static EngagementId FromRandomBytes(ReadOnlySpan<byte> randomBytes)
    {
        if (randomBytes.Length != RandomByteCount)
        {
            throw new ArgumentException($"An engagement id needs exactly {RandomByteCount} random bytes.", nameof(randomBytes));
        }

        return new EngagementId(Convert.ToHexStringLower(randomBytes));
    }

    public static bool TryParse(string? text, out EngagementId id)
    {
        id = default;
        if (text is null || text.Length != Length)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        id = new EngagementId(text);
        return true;
    }

    public override string ToString() => Value ?? string.Empty;
}
