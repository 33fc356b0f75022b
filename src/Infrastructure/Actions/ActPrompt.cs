namespace CoachFlow.Infrastructure.Actions;

/// <summary>
/// What the confirmation page says before anything happens, with any optional fields to fill in;
/// <see cref="AlreadyDone"/> replaces the button with "already recorded".
/// </summary>
public sealed record ActPrompt(string Title, string Question, string Button, bool AlreadyDone = false)
{
    public IReadOnlyList<ActField> Fields { get; init; } = [];
}
