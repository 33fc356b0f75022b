namespace CoachFlow.Infrastructure.Actions;

/// <summary>An optional text field on an action's confirmation page (a decline's note, say).</summary>
public sealed record ActField(string Name, string Label, string Hint, int MaxLength, bool Multiline);
