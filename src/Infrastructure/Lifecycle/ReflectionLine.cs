namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>One reflection question with the answer given ("not answered" when left out).</summary>
public sealed record ReflectionLine(string Question, string Answer);
