namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// Payload of <c>ChemistryBooked</c> and <c>ChemistryRescheduled</c>. <see cref="Sequence"/> is the
/// session's calendar sequence and the event's id: events are delivered at least once, so the
/// workflow ignores one it has already seen. Times only, no personal data.
/// </summary>
public sealed record ChemistryBooking(int Sequence, DateTimeOffset Start, DateTimeOffset End);
