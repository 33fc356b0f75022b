namespace CoachFlow.Domain.Intake;

/// <summary>An intake submission exactly as it arrived, before any rule has looked at it.</summary>
public sealed record IntakeForm
{
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? TimeZone { get; init; }
    public string? Goals { get; init; }
    public IReadOnlyList<string> FocusAreas { get; init; } = [];
    public string? SeeingMentalHealthProfessional { get; init; }
    public string? MentalHealthNote { get; init; }
    public string? HeardFrom { get; init; }
    public string? Consent { get; init; }
    public string? Website { get; init; }
    public string? IdempotencyKey { get; init; }

    /// <summary>The hidden <c>website</c> field is invisible to people, so anything in it came from a bot.</summary>
    public bool FilledHoneypot => !string.IsNullOrWhiteSpace(Website);
}
