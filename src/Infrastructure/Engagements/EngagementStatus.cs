namespace CoachFlow.Infrastructure.Engagements;

/// <summary>The body of <c>GET /api/engagements/{id}/status</c>; <see cref="Stage"/> uses DESIGN §1's names.</summary>
public sealed record EngagementStatus(string EngagementId, string Stage, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<TimelineItem> Timeline);
