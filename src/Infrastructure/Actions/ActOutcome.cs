namespace CoachFlow.Infrastructure.Actions;

public enum ActOutcomeKind
{
    Done,
    AlreadyRecorded,
    NotPossible,
}

/// <summary>What performing an action did, in words for the person who clicked.</summary>
public sealed record ActOutcome(ActOutcomeKind Kind, string Title, string Message);
