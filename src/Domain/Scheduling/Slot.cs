using NodaTime;

namespace CoachFlow.Domain.Scheduling;

/// <summary>A chemistry-session slot: a fixed stretch of real time, whatever zone it is shown in.</summary>
public readonly record struct Slot(Instant Start, Instant End)
{
    public bool Overlaps(Instant start, Instant end) => Start < end && start < End;
}
