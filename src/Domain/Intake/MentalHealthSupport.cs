namespace CoachFlow.Domain.Intake;

/// <summary>The answer to "are you currently working with a mental-health professional?".</summary>
public enum MentalHealthSupport
{
    No,
    Yes,
    PreferNotToSay,

    /// <summary>The answer was erased at the client's request (an agreed engagement keeps its contract, not this).</summary>
    Erased,
}
