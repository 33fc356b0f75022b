using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Engagements;

/// <summary>The engagement an intake produced, and whether this request created it or repeated an earlier one.</summary>
public sealed record EngagementCreation(Engagement Engagement, bool Created);
