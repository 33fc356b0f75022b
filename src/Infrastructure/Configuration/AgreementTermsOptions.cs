namespace CoachFlow.Infrastructure.Configuration;

/// <summary>
/// The coach's coaching agreement, section by section, covering what the ICF asks an agreement to
/// establish. Every section is required: start-up refuses a profile that leaves one out.
/// </summary>
public sealed class AgreementTermsOptions
{
    /// <summary>What coaching is and is not (not therapy, counselling or consulting).</summary>
    public string WhatCoachingIs { get; set; } = string.Empty;

    public string Services { get; set; } = string.Empty;

    public string RolesAndResponsibilities { get; set; } = string.Empty;

    public string LogisticsAndFees { get; set; } = string.Empty;

    public string SchedulingAndCancellation { get; set; } = string.Empty;

    public string DurationAndTermination { get; set; } = string.Empty;

    /// <summary>Confidentiality and its limits (e.g. risk of harm, legal obligations).</summary>
    public string Confidentiality { get; set; } = string.Empty;

    /// <summary>The sections in reading order with their headings, as the agreement page shows them.</summary>
    public IReadOnlyList<(string Key, string Heading, string Text)> Sections =>
    [
        (nameof(WhatCoachingIs), "What coaching is, and is not", WhatCoachingIs),
        (nameof(Services), "Services", Services),
        (nameof(RolesAndResponsibilities), "Roles and responsibilities", RolesAndResponsibilities),
        (nameof(LogisticsAndFees), "Logistics and fees", LogisticsAndFees),
        (nameof(SchedulingAndCancellation), "Scheduling and cancellation", SchedulingAndCancellation),
        (nameof(DurationAndTermination), "Duration and termination", DurationAndTermination),
        (nameof(Confidentiality), "Confidentiality and its limits", Confidentiality),
    ];
}
