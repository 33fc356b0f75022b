namespace CoachFlow.Domain.Engagements;

/// <summary>
/// The booked chemistry session. <see cref="Sequence"/> is the calendar invitation's SEQUENCE: it
/// starts at 0 and grows with every reschedule and the cancellation, so calendars apply the latest.
/// </summary>
public sealed record ChemistrySession(DateTimeOffset Start, DateTimeOffset End, int Sequence, bool Cancelled = false);
