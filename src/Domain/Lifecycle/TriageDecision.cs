namespace CoachFlow.Domain.Lifecycle;

/// <summary>Payload of <c>CoachTriage</c>. A note or referral for a decline is stored with the engagement, not here.</summary>
public sealed record TriageDecision(string EventId, bool Invite);
