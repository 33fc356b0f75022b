namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// Input of <c>SendFailureNotice</c>: which step stopped the engagement, and whether it was refused
/// outright (a <see cref="PermanentFailureException"/>, not retried) rather than out of retries. Only
/// the step's name: error messages can carry what a mail provider echoed back, and workflow history
/// must hold no personal data. <see cref="Refused"/> defaults to false for notices scheduled before it existed.
/// </summary>
public sealed record FailureNotice(string EngagementId, string FailedStep, bool Refused = false);
