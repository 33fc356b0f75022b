using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Links;

/// <summary>What a valid signed link says: which engagement, who holds it, what it allows, until when.</summary>
public sealed record LinkGrant(EngagementId EngagementId, Actor Actor, LinkAction Action, DateTimeOffset ExpiresAt);
