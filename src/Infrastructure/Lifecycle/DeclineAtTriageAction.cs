using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Lifecycle;

public sealed class DeclineAtTriageAction(EngagementRecords records, EngagementTimeline timeline, DurableTaskClient workflows, TimeProvider clock)
    : TriageAction(records, timeline, workflows, clock)
{
    public override LinkAction Action => LinkAction.DeclineAtTriage;

    protected override bool Invite => false;
}
