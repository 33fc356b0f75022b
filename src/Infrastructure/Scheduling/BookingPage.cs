using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The booking pages (<see cref="BookingPickerPage"/>, <see cref="BookedPage"/>) as results, and the zone they show times in.</summary>
public static class BookingPage
{
    public static RazorComponentResult Picker(
        string token,
        bool reschedule,
        ChemistrySession? current,
        IReadOnlyList<Slot> free,
        DateTimeZone zone,
        string? problem = null,
        int statusCode = StatusCodes.Status200OK) =>
        PageResults.Render<BookingPickerPage>(
            new { Token = token, Reschedule = reschedule, Current = current is null ? (Slot?)null : ToSlot(current), Free = free, Zone = zone, Problem = problem },
            statusCode);

    public static RazorComponentResult Booked(ChemistrySession session, DateTimeZone zone, bool alreadyBooked) =>
        PageResults.Render<BookedPage>(new { Session = ToSlot(session), Zone = zone, AlreadyBooked = alreadyBooked });

    public static RazorComponentResult Closed(string message, int statusCode) =>
        PageResults.Message("This link can't be used", message, statusCode);

    /// <summary>The zone from <c>?tz=</c> when it is a real one; otherwise the client's own from the intake.</summary>
    public static DateTimeZone ZoneFor(string? requested, Engagement engagement)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var id = IntakeRules.IsKnownTimeZone(requested) ? requested! : engagement.Intake.TimeZone;
        return DateTimeZoneProviders.Tzdb[id];
    }

    public static Slot ToSlot(ChemistrySession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new Slot(Instant.FromDateTimeOffset(session.Start), Instant.FromDateTimeOffset(session.End));
    }
}
