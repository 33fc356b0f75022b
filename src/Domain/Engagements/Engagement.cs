using CoachFlow.Domain.Intake;

namespace CoachFlow.Domain.Engagements;

/// <summary>An engagement's current state, the intake answers it started from, and its chemistry session once booked.</summary>
public sealed record Engagement(
    EngagementId Id,
    Stage Stage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IntakeAnswers Intake,
    ChemistrySession? Chemistry = null);
