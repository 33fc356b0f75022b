using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.Extensions.Logging;

namespace CoachFlow.Infrastructure.Email;

/// <summary>
/// Sends an engagement's emails once each: the timeline entry under <c>key</c> is written after the
/// provider took the email, so a retried activity skips what already went out and sends what did not
/// (a crash between the two can repeat one email, never lose it). What the provider's failures mean
/// (docs/email-delivery.md): unavailable — throw, and the activity's retry sends it later; refused —
/// the engagement stops at once (<see cref="PermanentFailureException"/>); unconfirmed — it may have
/// gone, so it is recorded as sent, marked unconfirmed, and never sent again. Every email to a client
/// ends with their "Your data" link.
/// </summary>
public sealed partial class EngagementMailer(
    EmailTemplates templates,
    IEmailSender email,
    EngagementTimeline timeline,
    EngagementStore engagements,
    PublicLinks links,
    TimeProvider clock,
    ILogger<EngagementMailer> log)
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
        var who = delivery.Recipient.ToString().ToLowerInvariant();
        var sent = $"Emailed the {who}: \"{rendered.Subject}\"";
        try
        {
            await email.SendAsync(new EmailMessage(delivery.To, rendered.Subject, rendered.Text, rendered.Html, emailLinks, delivery.Attachments, id.Value), cancellationToken).ConfigureAwait(false);
        }
        catch (EmailDeliveryException e) when (e.Failure == EmailFailure.Unavailable)
        {
            Log.NotSent(log, delivery.Key, id.Value, e.Message);
            throw;
        }
        catch (EmailDeliveryException e) when (e.Failure == EmailFailure.Rejected)
        {
            Log.Refused(log, delivery.Key, id.Value, e.Message);
            await RecordAsync(id, new TimelineEntry($"{delivery.Key}-refused", clock.GetUtcNow(), Actor.System, "Email", $"Could not email the {who}: the mail provider refused \"{rendered.Subject}\""), cancellationToken).ConfigureAwait(false);
            throw new PermanentFailureException(e.Message, e);
        }
        catch (EmailDeliveryException e) when (e.Failure == EmailFailure.Unconfirmed)
        {
            Log.Unconfirmed(log, delivery.Key, id.Value, e.Message);
            sent += " (unconfirmed: the mail provider did not answer in time, and it is not sent twice)";
        }

        await RecordAsync(id, new TimelineEntry(delivery.Key, clock.GetUtcNow(), Actor.System, "Email", sent), cancellationToken).ConfigureAwait(false);
    }

    private async Task RecordAsync(EngagementId id, TimelineEntry entry, CancellationToken cancellationToken)
    {
        // An erasure that ran while this email was on its way must not get a timeline row back.
        if (await engagements.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
        {
            return;
        }

        await timeline.TryAddAsync(id, entry, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Ids and the provider's reason only: never an address or a name (the reason's addresses are masked).</summary>
    private static partial class Log
    {
        [LoggerMessage(EventId = 1200, Level = LogLevel.Warning, Message = "Email {Key} of engagement {EngagementId} not sent; the activity's retry sends it later. {Reason}")]
        public static partial void NotSent(ILogger logger, string key, string engagementId, string reason);

        [LoggerMessage(EventId = 1201, Level = LogLevel.Error, Message = "Email {Key} of engagement {EngagementId} refused; the engagement stops. {Reason}")]
        public static partial void Refused(ILogger logger, string key, string engagementId, string reason);

        [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Email {Key} of engagement {EngagementId} unconfirmed: it may have gone, so it is not sent again. {Reason}")]
        public static partial void Unconfirmed(ILogger logger, string key, string engagementId, string reason);
    }
}
