using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Infrastructure.Workflow;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>
/// The coach closes an engagement that has not ended (the client asked to stop, or the coach cannot take them on
/// after all). The first withdrawal is recorded and raised as <c>CoachWithdrew</c>; the workflow ends the engagement
/// <see cref="Stage.Withdrawn"/> from whatever it was waiting for and tells the client kindly.
/// </summary>
public sealed class WithdrawEngagementAction(EngagementRecords records, EngagementTimeline timeline, TimeProvider clock) : ILinkActionHandler
{
    public LinkAction Action => LinkAction.WithdrawEngagement;

    public async Task<ActPrompt> DescribeAsync(Engagement engagement, LinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (await SettledAsync(engagement, cancellationToken).ConfigureAwait(false) is { } settled)
        {
            return ActPrompt.SettledAs(settled);
        }

        var name = engagement.Intake.Name;
        return new ActPrompt(
            $"Withdraw {name}'s enquiry?",
            $"The enquiry closes now and every link {name} holds stops working. A booked chemistry session is cancelled, with a calendar update to you both. {name} gets a short, kind email saying so, with your referral list.",
            "Withdraw the enquiry")
        {
            Fields = CoachWords.Fields,
        };
    }

    public async Task<ActOutcome> PerformAsync(Engagement engagement, LinkGrant grant, IReadOnlyDictionary<string, string> fields, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(fields);
        if (await SettledAsync(engagement, cancellationToken).ConfigureAwait(false) is { } settled)
        {
            return settled;
        }

        var now = clock.GetUtcNow();
        var (note, referral) = CoachWords.Read(fields);
        var record = new WithdrawalRecord(note, referral, now);
        if (!await records.TryAddAsync(engagement.Id, EngagementRecords.Withdrawal, record, cancellationToken).ConfigureAwait(false))
        {
            return AlreadyWithdrawn;
        }

        await timeline.TryAddAsync(engagement.Id, new TimelineEntry("withdrawal", now, Actor.Coach, "Decision", "Coach withdrew the engagement"), cancellationToken).ConfigureAwait(false);
        await workflows.RaiseEngagementEventAsync(engagement.Id, EngagementEvents.CoachWithdrew, new Withdrawal("withdrawal"), cancellationToken).ConfigureAwait(false);
        return new ActOutcome(ActOutcomeKind.Done, "Enquiry withdrawn", $"{engagement.Intake.Name} will get your note and referrals.");
    }

    private async Task<ActOutcome?> SettledAsync(Engagement engagement, CancellationToken cancellationToken) =>
        await records.GetAsync<WithdrawalRecord>(engagement.Id, EngagementRecords.Withdrawal, cancellationToken).ConfigureAwait(false) is not null ? AlreadyWithdrawn
        : engagement.Stage.IsTerminal() ? new ActOutcome(ActOutcomeKind.NotPossible, "This engagement has ended", $"It is now {engagement.Stage}, so there is nothing to withdraw.")
        : null;

    private static ActOutcome AlreadyWithdrawn => new(ActOutcomeKind.AlreadyRecorded, "Already withdrawn", "You withdrew this enquiry; it stands as it is.");
}
