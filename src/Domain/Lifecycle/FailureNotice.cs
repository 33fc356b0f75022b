namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// Input of <c>SendFailureNotice</c>: which step ran out of retries. Only the step's name: error
/// messages can carry what a mail provider echoed back, and workflow history must hold no personal data.
/// </summary>
public sealed record FailureNotice(string EngagementId, string FailedStep);
