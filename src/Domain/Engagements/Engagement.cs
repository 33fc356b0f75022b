using CoachFlow.Domain.Intake;

namespace CoachFlow.Domain.Engagements;

/// <summary>An engagement's current state and the intake answers it started from.</summary>
public sealed record Engagement(
    EngagementId Id,
    Stage Stage,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IntakeAnswers Intake);
