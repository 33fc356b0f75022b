namespace CoachFlow.Domain.Engagements;

/// <summary>
/// One side's reflection after the chemistry session: the answers to its questions (by question id;
/// each optional), the yes/no decision, a note, and for the coach a referral. Together the two
/// reflections are the record of the fit conversation.
/// </summary>
public sealed record Reflection(Actor Who, IReadOnlyDictionary<string, string> Answers, bool Yes, string? Note, string? Referral, DateTimeOffset At);
