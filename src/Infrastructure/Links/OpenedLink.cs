using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Links;

/// <summary>A signed link that checked out: what it grants, and the engagement it is for.</summary>
public sealed record OpenedLink(LinkGrant Grant, Engagement Engagement);
