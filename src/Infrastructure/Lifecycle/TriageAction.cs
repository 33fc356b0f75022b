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
/// The coach's two triage links: invite to a chemistry session, or decline kindly (with an optional
/// note and referral). The first decision is recorded and raised as <c>CoachTriage</c>; a later
/// click on either link says it is already recorded.
/// </summary>
public abstract class TriageAction(EngagementRecords records, EngagementTimeline timeline, TimeProvider clock) : ILinkActionHandler
{
    protected abstract bool Invite { get; }

    public abstract LinkAction Action { get; }

    public async Task<ActPrompt> DescribeAsync(Engagement engagement, LinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        var decided = await records.GetAsync<TriageRecord>(engagement.Id, EngagementRecords.Triage, cancellationToken).ConfigureAwait(false) is not null;
        if (decided || !OpenForTriage(engagement.Stage))
        {
            return ActPrompt.SettledAs(Settled(engagement, decided));
        }

        var name = engagement.Intake.Name;
        return Invite
            ? new ActPrompt($"Invite {name} to a chemistry session?", $"{name} will get an email with a link to book a free chemistry session.", "Yes, send the invitation")
            : new ActPrompt($"Decline {name} kindly?", $"{name} will get a warm note saying you are not the right coach for them, with your referral list.", "Send the kind decline")
            {
                Fields = CoachWords.Fields,
            };
    }

    public async Task<ActOutcome> PerformAsync(Engagement engagement, LinkGrant grant, IReadOnlyDictionary<string, string> fields, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        ArgumentNullException.ThrowIfNull(fields);
        if (!OpenForTriage(engagement.Stage))
        {
            return Settled(engagement, await records.GetAsync<TriageRecord>(engagement.Id, EngagementRecords.Triage, cancellationToken).ConfigureAwait(false) is not null);
        }

        var now = clock.GetUtcNow();
        var (note, referral) = Invite ? (null, null) : CoachWords.Read(fields);
        var record = new TriageRecord(Invite, note, referral, now);
        if (!await records.TryAddAsync(engagement.Id, EngagementRecords.Triage, record, cancellationToken).ConfigureAwait(false))
        {
            return new ActOutcome(ActOutcomeKind.AlreadyRecorded, "Already recorded", "Your triage decision stands.");
        }

        await timeline.TryAddAsync(engagement.Id, new TimelineEntry("triage", now, Actor.Coach, "Decision", Invite ? "Coach invited the client to a chemistry session" : "Coach declined at triage"), cancellationToken).ConfigureAwait(false);
        await workflows.RaiseEngagementEventAsync(engagement.Id, EngagementEvents.CoachTriage, new TriageDecision("triage", Invite), cancellationToken).ConfigureAwait(false);
        return Invite
            ? new ActOutcome(ActOutcomeKind.Done, "Invitation on its way", $"{engagement.Intake.Name} will get a link to book a chemistry session.")
            : new ActOutcome(ActOutcomeKind.Done, "Kind decline on its way", $"{engagement.Intake.Name} will get your note and referrals. Thank you for being clear.");
    }

    /// <summary>What either triage link answers once triage is over: the decision stands, or the enquiry ended without one.</summary>
    private static ActOutcome Settled(Engagement engagement, bool decided) => decided
        ? new ActOutcome(ActOutcomeKind.AlreadyRecorded, "Already recorded", "Your triage decision stands.")
        : new ActOutcome(ActOutcomeKind.NotPossible, "This enquiry has moved on", $"The enquiry is now {engagement.Stage}, so triage no longer applies.");

    /// <summary>
    /// The coach's enquiry email goes out before the workflow records <see cref="Stage.AwaitingCoachTriage"/>, so a quick
    /// click can find the engagement still <see cref="Stage.Received"/>; the decision then waits as an event until the workflow asks for it.
    /// </summary>
    private static bool OpenForTriage(Stage stage) => stage is Stage.Received or Stage.AwaitingCoachTriage;
}
