namespace CoachFlow.Infrastructure.Scheduling;

public enum BookingStatus
{
    Booked,
    Rescheduled,
    AlreadyBooked,
    Taken,
    TooLate,
    NotOffered,

    /// <summary>The engagement is over, or has no session to reschedule or cancel.</summary>
    NotOpen,
    NotFound,
    Cancelled,
    AlreadyCancelled,
}
