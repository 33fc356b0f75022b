namespace CoachFlow.Domain.Intake;

/// <summary>
/// A deliberately modest email check: one @, a non-empty local part, a dotted domain, nothing that
/// would let one field smuggle a second address. The real check is that the email arrives.
/// </summary>
public static class EmailAddressFormat
{
    public const int MaxLength = 254;

    public static bool IsPlausible(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return false;
        }

        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || at == value.Length - 1)
        {
            return false;
        }

        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"' or '(' or ')'))
        {
            return false;
        }

        var labels = value[(at + 1)..].Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length is > 0 and <= 63 && l[0] != '-' && l[^1] != '-');
    }
}
