namespace CoachFlow.Domain.Lifecycle;

/// <summary>Payload of <c>CoachDecision</c> and <c>ClientDecision</c>; the reflection answers are stored with the engagement.</summary>
public sealed record FitDecision(string EventId, bool Yes);
