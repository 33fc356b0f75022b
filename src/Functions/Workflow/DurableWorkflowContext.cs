using CoachFlow.Domain.Workflow;
using Microsoft.DurableTask;

namespace CoachFlow.Functions.Workflow;

/// <summary>A pass-through <see cref="IWorkflowContext"/> over Durable's <see cref="TaskOrchestrationContext"/>.</summary>
public sealed class DurableWorkflowContext(TaskOrchestrationContext context) : IWorkflowContext
{
    public string InstanceId => context.InstanceId;

    public string Version => context.Version;

    public DateTime CurrentUtcDateTime => context.CurrentUtcDateTime;

    public bool IsReplaying => context.IsReplaying;

    public Task CallActivityAsync(string name, object? input = null) => context.CallActivityAsync(new TaskName(name), input);

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input = null) => context.CallActivityAsync<TResult>(new TaskName(name), input);

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default) => context.WaitForExternalEvent<T>(eventName, cancellationToken);

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => context.CreateTimer(fireAt, cancellationToken);

    public void SetCustomStatus(object? customStatus) => context.SetCustomStatus(customStatus);
}
