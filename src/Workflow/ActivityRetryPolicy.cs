using CoachFlow.Domain.Lifecycle;
using Microsoft.DurableTask;

namespace CoachFlow.Workflow;

public static class ActivityRetryPolicy
{
    /// <summary>
    /// Used only to read the settings that carry the configured policy: a short outage at the very
    /// start must not fail the engagement either.
    /// </summary>
    public static readonly ActivityRetry ForSettings = new(5, TimeSpan.FromSeconds(1), 2, TimeSpan.FromSeconds(30));

    /// <summary>The policy as Durable's task options; the SDK runs the retries with durable timers on both hosts.</summary>
    public static TaskOptions ToTaskOptions(this ActivityRetry retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        return TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval));
    }
}
