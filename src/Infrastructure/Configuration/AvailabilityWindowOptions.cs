namespace CoachFlow.Infrastructure.Configuration;

/// <summary>One window of weekly availability in the coach's time zone, e.g. Monday 09:00–12:00.</summary>
public sealed class AvailabilityWindowOptions
{
    public DayOfWeek Day { get; set; }

    public TimeOnly Start { get; set; }

    public TimeOnly End { get; set; }
}
