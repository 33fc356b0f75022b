using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>
/// Sends the client and the coach the current state of the chemistry session with its calendar
/// invitation: booked or moved (METHOD:REQUEST) or cancelled (METHOD:CANCEL). Each email is recorded
/// in the timeline under a key naming the invitation's sequence, so running it again sends nothing twice.
/// </summary>
public sealed class ChemistryConfirmation(
    EngagementStore engagements,
    EngagementMailer mailer,
    PublicLinks links,
    TimeProvider clock,
    IOptions<CoachFlowOptions> options)
{
    private readonly CoachProfileOptions _coach = options.Value.Coach;

    public async Task SendAsync(EngagementId id, CancellationToken cancellationToken)
    {
        var engagement = await engagements.GetAsync(id, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Engagement {id} does not exist.");
        var session = engagement.Chemistry ?? throw new InvalidOperationException($"Engagement {id} has no chemistry session.");
        var (invite, calendar) = Invitation(engagement, session);
        await mailer.SendOnceAsync(id, ClientEmail(engagement, session, invite, calendar, $"email-chemistry-{session.Sequence:D2}-client"), cancellationToken).ConfigureAwait(false);
        await mailer.SendOnceAsync(id, Compose(engagement, $"email-chemistry-{session.Sequence:D2}-coach", $"chemistry-{Kind(session)}-coach", Actor.Coach,
            _coach.Email, _coach.Name, _coach.TimeZone, invite, calendar), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The client's email about the session as it stands, with its calendar invitation, under <paramref name="key"/>.</summary>
    public Delivery ClientEmail(Engagement engagement, string key)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var session = engagement.Chemistry ?? throw new InvalidOperationException($"Engagement {engagement.Id} has no chemistry session.");
        var (invite, calendar) = Invitation(engagement, session);
        return ClientEmail(engagement, session, invite, calendar, key);
    }

    private static string Kind(ChemistrySession session) => session.Cancelled ? "cancelled" : "booked";

    private Delivery ClientEmail(Engagement engagement, ChemistrySession session, CalendarInvite invite, EmailAttachment calendar, string key) =>
        Compose(engagement, key, $"chemistry-{Kind(session)}-client", Actor.Client,
            engagement.Intake.Email, engagement.Intake.Name, engagement.Intake.TimeZone, invite, calendar);

    private (CalendarInvite Invite, EmailAttachment Calendar) Invitation(Engagement engagement, ChemistrySession session)
    {
        var id = engagement.Id;
        var invite = new CalendarInvite(
            id,
            session,
            _coach.Name,
            _coach.Email,
            engagement.Intake.Name,
            engagement.Intake.Email,
            new Uri(_coach.MeetingLink),
            session.Cancelled ? null : links.Reschedule(id, session.Start),
            session.Cancelled ? null : links.CancelChemistry(id, session.Start),
            clock.GetUtcNow());
        var calendar = new EmailAttachment(session.Cancelled ? "cancelled.ics" : "invite.ics", ChemistryCalendar.ContentType, ChemistryCalendar.Create(invite));
        return (invite, calendar);
    }

    private Delivery Compose(
        Engagement engagement,
        string key,
        string template,
        Actor recipient,
        string to,
        string recipientName,
        string timeZone,
        CalendarInvite invite,
        EmailAttachment calendar)
    {
        var when = SlotFormat.ForPeople(BookingPage.ToSlot(invite.Session), DateTimeZoneProviders.Tzdb[timeZone]);
        var booked = !invite.Session.Cancelled;
        var model = new ChemistryEmailModel(
            EmailCoach.From(_coach), recipientName, engagement.Intake.Name, when, invite.Session.Moved,
            invite.MeetingLink, invite.RescheduleUrl, invite.CancelUrl)
        {
            HeldUrl = booked && recipient == Actor.Coach ? links.SessionHeld(engagement.Id, invite.Session.Start) : null,
            NoShowUrl = booked && recipient == Actor.Coach ? links.NoShow(engagement.Id, invite.Session.Start) : null,
        };
        List<EmailLink> emailLinks = (recipient, model) switch
        {
            (Actor.Client, { RescheduleUrl: { } reschedule, CancelUrl: { } cancel }) =>
                [new("Join the video call", invite.MeetingLink), new("Choose a new time", reschedule), new("Cancel the session", cancel)],
            (Actor.Coach, { HeldUrl: { } held, NoShowUrl: { } noShow }) =>
                [new("Video call", invite.MeetingLink), new("Session held", held), new("No-show", noShow)],
            _ => [new("Video call", invite.MeetingLink)],
        };
        return new Delivery(key, template, recipient, to, model, emailLinks, [calendar]);
    }
}
