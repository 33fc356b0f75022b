namespace CoachFlow.Domain.Engagements;

/// <summary>
/// The booked chemistry session. <see cref="Sequence"/> is the calendar invitation's SEQUENCE: it
/// starts at 0 and grows with every booking, reschedule and cancellation, so calendars apply the
/// latest. <see cref="Moved"/>: the client rescheduled to this time. <see cref="Missed"/>: the coach
/// reported that the client did not come.
/// </summary>
public sealed record ChemistrySession(DateTimeOffset Start, DateTimeOffset End, int Sequence, bool Cancelled = false, bool Missed = false, bool Moved = false);
