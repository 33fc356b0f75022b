namespace CoachFlow.Infrastructure.Configuration;

/// <summary>The coach whose front door this is.</summary>
public sealed class CoachProfileOptions
{
    /// <summary>What coaching helps with, offered when a coach declares no focus areas of their own.</summary>
    public static readonly IReadOnlyList<string> DefaultFocusAreas =
    [
        "Understanding yourself",
        "Handling conflict",
        "Rapport with clients and colleagues",
        "Communication",
        "Reactions under stress",
        "Adaptability",
    ];

    /// <summary>A stable id for the coach; partitions the coach's slot reservations.</summary>
    public string Id { get; set; } = "coach";

    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    /// <summary>IANA time zone of the coach's availability, and the default for clients.</summary>
    public string TimeZone { get; set; } = string.Empty;

    public string? PhotoUrl { get; set; }

    /// <summary>A CSS hex colour for the pages' accent, e.g. <c>#2f6f5e</c>.</summary>
    public string AccentColor { get; set; } = "#2f6f5e";

    public List<string> FocusAreas { get; set; } = [];

    public List<AvailabilityWindowOptions> WeeklyAvailability { get; set; } = [];

    public TimeSpan ChemistryLength { get; set; } = TimeSpan.FromMinutes(30);

    public TimeSpan Buffer { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan MinimumNotice { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan Horizon { get; set; } = TimeSpan.FromDays(21);

    public List<DateOnly> BlockedDates { get; set; } = [];

    public string MeetingLink { get; set; } = string.Empty;

    public List<string> Referrals { get; set; } = [];

    public AgreementTermsOptions AgreementTerms { get; set; } = new();

    /// <summary>The focus areas clients choose from: the coach's own, or the defaults.</summary>
    public IReadOnlyList<string> EffectiveFocusAreas => FocusAreas.Count > 0 ? FocusAreas : DefaultFocusAreas;
}
