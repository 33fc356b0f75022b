namespace CoachFlow.Domain.Lifecycle;

/// <summary>Payload of <c>ChemistryCancelled</c>.</summary>
public sealed record ChemistryCancellation(string EventId);
