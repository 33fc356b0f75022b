using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Timeline;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// Sends an engagement's emails at most once each: the timeline entry under <c>key</c> is written
/// after sending, so a retried activity skips what already went out (a crash between the two can
/// repeat one email, never lose it). Every email to a client ends with their "Your data" link.
/// </summary>
public sealed class EngagementMailer(EmailTemplates templates, IEmailSender email, EngagementTimeline timeline, EngagementStore engagements, PublicLinks links, TimeProvider clock)
{
    public const string YourDataLabel = "Your data";

    public async Task SendOnceAsync(EngagementId id, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (await timeline.ContainsAsync(id, delivery.Key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var dataUrl = delivery.Recipient == Actor.Client ? links.Data(id, Actor.Client) : null;
        var rendered = await templates.RenderAsync(delivery.Template, delivery.Model, dataUrl).ConfigureAwait(false);
        var emailLinks = dataUrl is null ? delivery.Links : [.. delivery.Links, new EmailLink(YourDataLabel, dataUrl)];
        await email.SendAsync(new EmailMessage(delivery.To, rendered.Subject, rendered.Text, rendered.Html, emailLinks, delivery.Attachments, id.Value), cancellationToken).ConfigureAwait(false);
        var who = delivery.Recipient.ToString().ToLowerInvariant();

        // An erasure that ran while this email was on its way must not get a timeline row back.
        if (await engagements.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        await timeline.TryAddAsync(id, new TimelineEntry(delivery.Key, clock.GetUtcNow(), Actor.System, "Email", $"Emailed the {who}: \"{rendered.Subject}\""), cancellationToken).ConfigureAwait(false);
    }
}
