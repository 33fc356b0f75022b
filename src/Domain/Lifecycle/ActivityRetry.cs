namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// The one retry policy every activity shares (Durable's <c>RetryPolicy</c>): attempts in all, the
/// wait before the first retry, how much each wait grows, and the longest wait.
/// </summary>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient, TimeSpan MaxRetryInterval);
