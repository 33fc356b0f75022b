using System.Globalization;
using NodaTime;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>Times as the coach reads them: in their own zone, and waits in words.</summary>
public static class WorkspaceTime
{
    public static string InZone(DateTimeOffset moment, string zone) =>
        Instant.FromDateTimeOffset(moment).InZone(DateTimeZoneProviders.Tzdb[zone]).ToString("ddd d MMM yyyy, HH:mm", CultureInfo.InvariantCulture);

    public static string Wait(TimeSpan wait) => wait switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => Plural((int)wait.TotalMinutes, "minute"),
        { TotalDays: < 1 } => Plural((int)wait.TotalHours, "hour"),
        _ => Plural((int)wait.TotalDays, "day"),
    };

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";
}
