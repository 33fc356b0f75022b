namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// Payload of the coach's <c>SessionHeld</c> and <c>ClientNoShow</c>: which booked session (by its
/// sequence) the report is about, so a late repeat never applies to a later booking.
/// </summary>
public sealed record SessionReport(int Sequence);
