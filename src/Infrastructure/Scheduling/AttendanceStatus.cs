namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>What the coach's report on a booked session did.</summary>
public enum AttendanceStatus
{
    Recorded,
    AlreadyRecorded,

    /// <summary>No booked session is waiting for a report (not booked yet, cancelled, or the engagement moved on).</summary>
    NotOpen,
    NotFound,
}
