using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Configuration;
using NodaTime;
using NodaTime.Extensions;

namespace CoachFlow.Infrastructure.Scheduling;

public static class CoachAvailability
{
    /// <summary>The coach profile's availability in the domain's terms.</summary>
    public static Availability From(CoachProfileOptions coach)
    {
        ArgumentNullException.ThrowIfNull(coach);
        return new Availability(
            DateTimeZoneProviders.Tzdb[coach.TimeZone],
            [.. coach.WeeklyAvailability.Select(w => new WeeklyWindow(
                w.Day.ToIsoDayOfWeek(),
                LocalTime.FromTimeOnly(w.Start),
                LocalTime.FromTimeOnly(w.End)))],
            Duration.FromTimeSpan(coach.ChemistryLength),
            Duration.FromTimeSpan(coach.Buffer),
            Duration.FromTimeSpan(coach.MinimumNotice),
            Duration.FromTimeSpan(coach.Horizon),
            coach.BlockedDates.Select(LocalDate.FromDateOnly).ToHashSet());
    }
}
