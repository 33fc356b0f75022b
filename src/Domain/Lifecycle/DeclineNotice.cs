namespace CoachFlow.Domain.Lifecycle;

/// <summary>Input of <c>SendDecline</c>.</summary>
public sealed record DeclineNotice(string EngagementId, DeclineReason Reason);
