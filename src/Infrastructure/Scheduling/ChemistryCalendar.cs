using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>
/// The chemistry session as an iCalendar invitation (RFC 5545/5546). The UID is fixed per engagement
/// and SEQUENCE grows with every change, so a reschedule updates the existing calendar entry and a
/// cancellation (METHOD:CANCEL) removes it instead of adding new ones.
/// </summary>
public static class ChemistryCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Uid(Domain.Engagements.EngagementId id) => $"chemistry-{id.Value}@coachflow";

    public static string Create(CalendarInvite invite)
    {
        ArgumentNullException.ThrowIfNull(invite);
        var cancelled = invite.Session.Cancelled;
        var description = new StringBuilder()
            .Append("A free, no-obligation conversation to see whether ").Append(invite.CoachName).Append(" and ").Append(invite.ClientName)
            .Append(" are a good fit for coaching.\n\nJoin: ").Append(invite.MeetingLink);
        if (!cancelled && invite.RescheduleUrl is not null)
        {
            description.Append("\n\nNeed another time? ").Append(invite.RescheduleUrl);
        }

        if (!cancelled && invite.CancelUrl is not null)
        {
            description.Append("\nCan't make it? ").Append(invite.CancelUrl);
        }

        var calendarEvent = new CalendarEvent
        {
            Uid = Uid(invite.EngagementId),
            Sequence = invite.Session.Sequence,
            Summary = $"Chemistry session: {invite.CoachName} and {invite.ClientName}",
            Description = description.ToString(),
            Location = invite.MeetingLink.ToString(),
            Url = invite.MeetingLink,
            DtStart = new CalDateTime(invite.Session.Start.UtcDateTime, CalDateTime.UtcTzId),
            DtEnd = new CalDateTime(invite.Session.End.UtcDateTime, CalDateTime.UtcTzId),
            DtStamp = new CalDateTime(invite.Stamp.UtcDateTime, CalDateTime.UtcTzId),
            Status = cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            Organizer = new Organizer($"mailto:{invite.CoachEmail}") { CommonName = invite.CoachName },
        };
        calendarEvent.Attendees.Add(new Attendee($"mailto:{invite.ClientEmail}")
        {
            CommonName = invite.ClientName,
            Role = ParticipationRole.RequiredParticipant,
            ParticipationStatus = EventParticipationStatus.NeedsAction,
            Rsvp = true,
        });

        var calendar = new Calendar { ProductId = "-//CoachFlow//Chemistry session//EN", Method = cancelled ? "CANCEL" : "REQUEST" };
        calendar.Events.Add(calendarEvent);
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
