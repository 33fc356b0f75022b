using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>What a booking, reschedule or cancellation did, with the engagement as it now stands.</summary>
public sealed record BookingResult(BookingStatus Status, Engagement? Engagement);
