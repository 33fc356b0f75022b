namespace CoachFlow.Domain.Intake;

/// <summary>
/// A validated intake. <see cref="MentalHealthNote"/> is special-category data: it is kept only
/// when the client said yes, and never logged.
/// </summary>
public sealed record IntakeAnswers(
    string Name,
    string Email,
    string TimeZone,
    string Goals,
    IReadOnlyList<string> FocusAreas,
    MentalHealthSupport SeeingMentalHealthProfessional,
    string? MentalHealthNote,
    string? HeardFrom);
