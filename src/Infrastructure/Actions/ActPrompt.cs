namespace CoachFlow.Infrastructure.Actions;

/// <summary>
/// What the confirmation page says before anything happens, with any optional fields to fill in.
/// When the engagement has moved past the action (it was done, or no longer applies), <see cref="Settled"/>
/// is what pressing the button would answer, and the page shows that instead of a button.
/// </summary>
public sealed record ActPrompt(string Title, string Question, string Button)
{
    public IReadOnlyList<ActField> Fields { get; init; } = [];

    public ActOutcome? Settled { get; init; }

    public static ActPrompt SettledAs(ActOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new ActPrompt(outcome.Title, outcome.Message, string.Empty) { Settled = outcome };
    }
}
