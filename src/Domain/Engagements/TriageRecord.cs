namespace CoachFlow.Domain.Engagements;

/// <summary>The coach's triage: invite or decline, with an optional note and referral for a decline.</summary>
public sealed record TriageRecord(bool Invite, string? Note, string? Referral, DateTimeOffset At);
