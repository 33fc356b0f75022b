using System.Text;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The booking page: free slots by day in the client's zone, one button per slot.</summary>
public static class BookingPage
{
    public static ContentHttpResult Picker(
        CoachProfileOptions coach,
        string token,
        bool reschedule,
        ChemistrySession? current,
        IReadOnlyList<Slot> free,
        DateTimeZone zone,
        string? problem = null,
        int statusCode = StatusCodes.Status200OK)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(zone);
        var b = new StringBuilder();
        if (problem is not null)
        {
            b.Append("<div class=\"summary\" role=\"alert\"><p><strong>").Append(Html.Encode(problem)).Append("</strong></p></div>");
        }

        if (reschedule && current is not null)
        {
            b.Append("<p>Your session is currently on <strong>").Append(Html.Encode(SlotFormat.ForPeople(ToSlot(current), zone)))
             .Append("</strong>. Pick a new time below and we will move it and update everyone's calendar.</p>");
        }
        else
        {
            b.Append("<p>This is a free conversation of ").Append((int)coach.ChemistryLength.TotalMinutes)
             .Append(" minutes with ").Append(Html.Encode(coach.Name))
             .Append(". It is not a sales call: it is a chance for both of you to see whether you would work well together.</p>");
        }

        ZoneChooser(b, token, zone);
        if (free.Count == 0)
        {
            b.Append("<p>There are no free times in the next few weeks. Please reply to the email you received and ")
             .Append(Html.Encode(coach.Name)).Append(" will find a time with you.</p>");
        }

        foreach (var day in SlotDay.InZone(free, zone))
        {
            var dayName = SlotFormat.DayName(day.Date);
            b.Append("<section class=\"field\"><h2>").Append(Html.Encode(dayName)).Append("</h2>")
             .Append("<form method=\"post\" action=\"/book/").Append(Html.Encode(token)).Append("\"><ul class=\"slots\">");
            foreach (var slot in day.Slots)
            {
                var label = $"{SlotFormat.TimeOfDay(slot.Start)}–{SlotFormat.TimeOfDay(slot.End)}";
                b.Append("<li><button type=\"submit\" name=\"slot\" value=\"").Append(SlotFormat.ToUtc(slot.Slot.Start))
                 .Append("\" aria-label=\"").Append(Html.Encode($"{dayName}, {label}")).Append("\">").Append(Html.Encode(label)).Append("</button></li>");
            }

            b.Append("</ul></form></section>");
        }

        var title = reschedule ? "Choose a new time" : "Choose a time for our chemistry session";
        return PageLayout.Page(coach, title, b.ToString(), statusCode);
    }

    public static ContentHttpResult Booked(CoachProfileOptions coach, ChemistrySession session, DateTimeZone zone, bool alreadyBooked)
    {
        ArgumentNullException.ThrowIfNull(coach);
        ArgumentNullException.ThrowIfNull(session);
        var b = new StringBuilder();
        if (alreadyBooked)
        {
            b.Append("<p>You have already booked this session, so nothing has changed.</p>");
        }

        b.Append("<p>Your chemistry session with ").Append(Html.Encode(coach.Name)).Append(" is on <strong>")
         .Append(Html.Encode(SlotFormat.ForPeople(ToSlot(session), zone))).Append("</strong>.</p>")
         .Append("<p>A calendar invitation is on its way to your inbox, with the video link and links to move or cancel the session if you need to.</p>");
        return PageLayout.Page(coach, alreadyBooked ? "Already booked" : "You're booked", b.ToString());
    }

    public static ContentHttpResult Closed(CoachProfileOptions coach, string message, int statusCode) =>
        PageLayout.Page(coach, "This link can't be used", $"<p>{Html.Encode(message)}</p>", statusCode);

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

    private static void ZoneChooser(StringBuilder b, string token, DateTimeZone zone)
    {
        b.Append("<form method=\"get\" action=\"/book/").Append(Html.Encode(token)).Append("\" class=\"field\">")
         .Append("<label for=\"tz\">Times are shown in this time zone</label>")
         .Append("<input type=\"text\" id=\"tz\" name=\"tz\" list=\"time-zones\" value=\"").Append(Html.Encode(zone.Id)).Append("\">");
        TimeZoneList.AppendDatalist(b, "time-zones").Append(" <button type=\"submit\">Show times</button></form>");
    }
}
