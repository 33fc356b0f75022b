using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Engagements;

/// <summary>An engagement before and after a change; equal when the change decided to do nothing.</summary>
public sealed record EngagementUpdate(Engagement Before, Engagement After)
{
    public bool Changed => Before != After;
}
