using System.Globalization;
using CoachFlow.Domain.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>How slots are written: UTC ISO 8601 on the wire, plain English for people.</summary>
public static class SlotFormat
{
    private static readonly InstantPattern Utc = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");
    private static readonly LocalDatePattern Day = LocalDatePattern.Create("dddd d MMMM yyyy", CultureInfo.InvariantCulture);
    private static readonly LocalTimePattern Time = LocalTimePattern.Create("HH':'mm", CultureInfo.InvariantCulture);

    public static string ToUtc(Instant instant) => Utc.Format(instant);

    public static SlotJson ToJson(Slot slot) => new(ToUtc(slot.Start), ToUtc(slot.End));

    /// <summary>Parses a UTC start such as <c>2027-01-04T09:00:00Z</c> (any ISO 8601 offset is accepted).</summary>
    public static bool TryParseStart(string? text, out Instant start)
    {
        start = default;
        if (string.IsNullOrWhiteSpace(text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            || !text.Contains('T', StringComparison.Ordinal))
        {
            return false;
        }

        start = Instant.FromDateTimeOffset(parsed);
        return true;
    }

    public static string DayName(LocalDate date) => Day.Format(date);

    public static string TimeOfDay(LocalDateTime time) => Time.Format(time.TimeOfDay);

    /// <summary>"Monday 4 January 2027, 09:00–09:30 (Europe/London)".</summary>
    public static string ForPeople(Slot slot, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var start = slot.Start.InZone(zone).LocalDateTime;
        var end = slot.End.InZone(zone).LocalDateTime;
        return $"{Day.Format(start.Date)}, {Time.Format(start.TimeOfDay)}–{Time.Format(end.TimeOfDay)} ({zone.Id})";
    }
}
