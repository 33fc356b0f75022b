using NodaTime;

namespace CoachFlow.Domain.Scheduling;

/// <summary>
/// When a coach takes chemistry sessions: weekly windows in their zone, session length, the buffer
/// kept free around each session, the least notice they need, how far ahead clients may book, and
/// dates they are away.
/// </summary>
public sealed record Availability(
    DateTimeZone Zone,
    IReadOnlyList<WeeklyWindow> Windows,
    Duration SessionLength,
    Duration Buffer,
    Duration MinimumNotice,
    Duration Horizon,
    IReadOnlySet<LocalDate> BlockedDates);
