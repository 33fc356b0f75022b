namespace CoachFlow.Infrastructure.Intake;

/// <summary>What an intake field's control carries: the ids describing it (hint, error), and <c>"true"</c> when it is invalid.</summary>
public sealed record IntakeFieldState(string? DescribedBy, string? Invalid);
