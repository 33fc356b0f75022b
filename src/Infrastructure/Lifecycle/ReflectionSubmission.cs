using CoachFlow.Domain.Engagements;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>
/// What submitting a reflection came to: <see cref="Stored"/> (recorded now when <see cref="JustNow"/>, or earlier),
/// <see cref="Errors"/> to show beside the form, or <see cref="NotOpen"/> outside the decisions stage.
/// </summary>
public sealed record ReflectionSubmission(Reflection? Stored, bool JustNow, IReadOnlyDictionary<string, string> Errors, bool NotOpen);
