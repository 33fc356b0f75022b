namespace CoachFlow.Domain.Workflow;

/// <summary>How a wait with a deadline ended: the event arrived (with its payload), or the deadline passed.</summary>
public sealed record WaitOutcome<T>(bool TimedOut, T? Value);
