namespace CoachFlow.Domain.Lifecycle;

/// <summary>Payload of <c>ChemistryCancelled</c>: the sequence of the session the client cancelled.</summary>
public sealed record ChemistryCancellation(int Sequence);
