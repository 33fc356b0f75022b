namespace CoachFlow.Domain.Workflow;

/// <summary>
/// What a workflow may do, mirroring Durable Task's <c>TaskOrchestrationContext</c> names and
/// semantics, so the same workflow code runs on Durable Functions and on the local runtime.
/// Workflow code must be deterministic: everything it awaits comes from this context.
/// </summary>
public interface IWorkflowContext
{
    string InstanceId { get; }

    /// <summary>The orchestration version the instance started with (Durable's <c>defaultVersion</c>).</summary>
    string Version { get; }

    /// <summary>The replay-safe current time: the time the current episode started, identical on replay.</summary>
    DateTime CurrentUtcDateTime { get; }

    bool IsReplaying { get; }

    Task CallActivityAsync(string name, object? input = null);

    Task<TResult> CallActivityAsync<TResult>(string name, object? input = null);

    /// <summary>Completes with the oldest unconsumed event of this name, buffered if it arrived before the wait.</summary>
    Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default);

    /// <summary>A durable timer; cancelling the token abandons it (the task is cancelled and the timer never fires).</summary>
    Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken);

    void SetCustomStatus(object? customStatus);
}
