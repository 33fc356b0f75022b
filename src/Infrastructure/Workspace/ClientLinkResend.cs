using System.Globalization;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Timeline;

namespace CoachFlow.Infrastructure.Workspace;

/// <summary>
/// "Resend the client's link": the email the workflow sends the client for the link waiting on them now
/// (<see cref="EngagementActivities.ClientLinkEmailAsync"/>), sent again under a key of its own. The form carries how
/// many resends its page saw; a resend first claims the next number in the timeline (insert if absent), so a
/// double-submitted or replayed form sends one email, and a page that saw an older count is refused.
/// </summary>
public sealed class ClientLinkResend(
    EngagementActivities activities, EngagementMailer mailer, EngagementTimeline timeline, EngagementStore engagements, Pipeline pipeline, TimeProvider clock)
{
    /// <summary>The form field holding how many resends the page saw.</summary>
    public const string SeenField = "resent";

    public const string Summary = "Link resent to the client";

    private const string KeyPrefix = "link-resent-";

    /// <summary>How many times the client's link was resent, as the timeline records it.</summary>
    public static int Count(IEnumerable<TimelineEntry> entries) => entries.Count(e => e.Key.StartsWith(KeyPrefix, StringComparison.Ordinal));

    /// <summary>Whether a link waits on the client now, so the page offers to resend it.</summary>
    public async Task<bool> IsOfferedAsync(Engagement engagement, CancellationToken cancellationToken) =>
        await EmailAsync(engagement, 0, cancellationToken).ConfigureAwait(false) is not null;

    public async Task<ResendOutcome> ResendAsync(Engagement engagement, string? seen, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var count = Count(await timeline.ListAsync(engagement.Id, cancellationToken).ConfigureAwait(false));
        if (await EmailAsync(engagement, count + 1, cancellationToken).ConfigureAwait(false) is not { } email)
        {
            return ResendOutcome.NoLink;
        }

        var claim = new TimelineEntry(Key(count + 1), clock.GetUtcNow(), Actor.Coach, "Link", Summary);
        if (seen != count.ToString(CultureInfo.InvariantCulture) || !await timeline.TryAddAsync(engagement.Id, claim, cancellationToken).ConfigureAwait(false))
        {
            return ResendOutcome.Stale;
        }

        // An erasure that ran since the engagement was read must not get a timeline row back.
        if (await engagements.GetAsync(engagement.Id, cancellationToken).ConfigureAwait(false) is null)
        {
            await timeline.RemoveAsync(engagement.Id, claim.Key, cancellationToken).ConfigureAwait(false);
            return ResendOutcome.Gone;
        }

        try
        {
            await mailer.SendOnceAsync(engagement.Id, email, cancellationToken).ConfigureAwait(false);
            return ResendOutcome.Sent;
        }
        catch (Exception e) when (e is EmailDeliveryException or PermanentFailureException)
        {
            await timeline.RemoveAsync(engagement.Id, claim.Key, cancellationToken).ConfigureAwait(false);
            return ResendOutcome.NotSent;
        }
    }

    private async Task<Delivery?> EmailAsync(Engagement engagement, int resend, CancellationToken cancellationToken)
    {
        var entry = await pipeline.EntryAsync(engagement, cancellationToken).ConfigureAwait(false);
        return await activities.ClientLinkEmailAsync(engagement, entry.NextDeadline, $"email-{Key(resend)}", cancellationToken).ConfigureAwait(false);
    }

    private static string Key(int resend) => string.Create(CultureInfo.InvariantCulture, $"{KeyPrefix}{resend:D2}");
}
