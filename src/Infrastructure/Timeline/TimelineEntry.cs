using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Timeline;

/// <summary>
/// One line of an engagement's history as people read it: a stage change, an email, a decision, a
/// booking. <see cref="Key"/> is chosen by the writer so repeating the same step adds nothing.
/// The summary names no personal data beyond what the coach sees anyway.
/// </summary>
public sealed record TimelineEntry(string Key, DateTimeOffset At, Actor Actor, string Kind, string Summary);
