namespace CoachFlow.Domain.Intake;

/// <summary>The answer to "are you currently working with a mental-health professional?".</summary>
public enum MentalHealthSupport
{
    No,
    Yes,
    PreferNotToSay,
}
