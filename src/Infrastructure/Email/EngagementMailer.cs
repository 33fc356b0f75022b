using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Timeline;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// Sends an engagement's emails at most once each: the timeline entry under <c>key</c> is written
/// after sending, so a retried activity skips what already went out (a crash between the two can
/// repeat one email, never lose it).
/// </summary>
public sealed class EngagementMailer(EmailTemplates templates, IEmailSender email, EngagementTimeline timeline, TimeProvider clock)
{
    public async Task SendOnceAsync(EngagementId id, Delivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        if (await timeline.ContainsAsync(id, delivery.Key, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var rendered = await templates.RenderAsync(delivery.Template, delivery.Model).ConfigureAwait(false);
        await email.SendAsync(new EmailMessage(delivery.To, rendered.Subject, rendered.Text, rendered.Html, delivery.Links, delivery.Attachments), cancellationToken).ConfigureAwait(false);
        var who = delivery.Recipient.ToString().ToLowerInvariant();
        await timeline.TryAddAsync(id, new TimelineEntry(delivery.Key, clock.GetUtcNow(), Actor.System, "Email", $"Emailed the {who}: \"{rendered.Subject}\""), cancellationToken).ConfigureAwait(false);
    }
}
