namespace CoachFlow.Domain.Engagements;

/// <summary>The coach's withdrawal of an engagement: an optional note and referral for the client's email.</summary>
public sealed record WithdrawalRecord(string? Note, string? Referral, DateTimeOffset At);
