using NodaTime;

namespace CoachFlow.Domain.Scheduling;

/// <summary>A stretch of the coach's week when sessions may happen, in the coach's own time zone.</summary>
public sealed record WeeklyWindow(IsoDayOfWeek Day, LocalTime Start, LocalTime End);
