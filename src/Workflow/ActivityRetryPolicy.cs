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

    /// <summary>
    /// The policy as Durable's task options; the SDK runs the retries with durable timers on both hosts.
    /// A <see cref="PermanentFailureException"/> is not retried: minutes of attempts would only delay
    /// telling the coach. The check reads the failure details recorded in history, so replays agree.
    /// </summary>
    public static TaskOptions ToTaskOptions(this ActivityRetry retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        return TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstRetryInterval, retry.BackoffCoefficient, retry.MaxRetryInterval)
        {
            HandleFailure = failure => !IsPermanent(failure),
        });
    }

    /// <summary>
    /// Whether the failure, or a failure it wraps, is a <see cref="PermanentFailureException"/>: a host
    /// may wrap the activity's own exception in one of its own. By exact type name, not
    /// <see cref="TaskFailureDetails.IsCausedBy{T}"/>: that loads each error type by reflection and throws
    /// when a name exists in two loaded assemblies (System.Net.Sockets.SocketException, inside every
    /// refused connection), and a throwing retry predicate fails the instance before it can record Failed.
    /// </summary>
    public static bool IsPermanent(TaskFailureDetails? failure)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            if (string.Equals(f.ErrorType, typeof(PermanentFailureException).FullName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
