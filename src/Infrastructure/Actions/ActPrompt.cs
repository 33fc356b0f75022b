namespace CoachFlow.Infrastructure.Actions;

/// <summary>What the confirmation page says before anything happens; <see cref="AlreadyDone"/> skips the button.</summary>
public sealed record ActPrompt(string Title, string Question, string Button, bool AlreadyDone = false);
