using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Timeline;

namespace CoachFlow.Infrastructure.Lifecycle;

public sealed class DeclineAtTriageAction(EngagementRecords records, EngagementTimeline timeline, TimeProvider clock)
    : TriageAction(records, timeline, clock)
{
    public override LinkAction Action => LinkAction.DeclineAtTriage;

    protected override bool Invite => false;
}
