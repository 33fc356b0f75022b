using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Lifecycle;

public sealed class InviteToChemistryAction(EngagementRecords records, EngagementTimeline timeline, DurableTaskClient workflows, TimeProvider clock)
    : TriageAction(records, timeline, workflows, clock)
{
    public override LinkAction Action => LinkAction.InviteToChemistry;

    protected override bool Invite => true;
}
