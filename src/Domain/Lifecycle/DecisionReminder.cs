namespace CoachFlow.Domain.Lifecycle;

/// <summary>Input of <c>SendDecisionReminder</c>: remind only the side that has not answered yet.</summary>
public sealed record DecisionReminder(string EngagementId, bool RemindCoach, bool RemindClient);
