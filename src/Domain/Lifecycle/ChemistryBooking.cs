namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// Payload of <c>ChemistryBooked</c> and <c>ChemistryRescheduled</c>. <see cref="EventId"/> lets the
/// workflow ignore a repeat: events are delivered at least once. Times only, no personal data.
/// </summary>
public sealed record ChemistryBooking(string EventId, DateTimeOffset Start, DateTimeOffset End);
