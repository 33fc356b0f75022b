namespace CoachFlow.Domain.Intake;

/// <summary>The outcome of checking an intake: either answers, or messages per field name.</summary>
public sealed record IntakeValidation(IntakeAnswers? Answers, IReadOnlyDictionary<string, string[]> Errors)
{
    public bool IsValid => Answers is not null;
}
