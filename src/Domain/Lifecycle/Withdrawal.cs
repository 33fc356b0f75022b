namespace CoachFlow.Domain.Lifecycle;

/// <summary>Payload of <c>CoachWithdrew</c>. The note and referral are stored with the engagement, not here.</summary>
public sealed record Withdrawal(string EventId);
