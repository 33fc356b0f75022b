using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Timeline;

namespace CoachFlow.Infrastructure.Lifecycle;

public sealed class InviteToChemistryAction(EngagementRecords records, EngagementTimeline timeline, TimeProvider clock)
    : TriageAction(records, timeline, clock)
{
    public override LinkAction Action => LinkAction.InviteToChemistry;

    protected override bool Invite => true;
}
