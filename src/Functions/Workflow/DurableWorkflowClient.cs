using CoachFlow.Domain.Workflow;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Functions.Workflow;

/// <summary>
/// <see cref="IWorkflowClient"/> over Durable Functions. Never hands out Durable's built-in
/// management URLs: they carry the system key.
/// </summary>
public sealed class DurableWorkflowClient : IWorkflowClient
{
    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default)
    {
        var client = DurableClientScope.Client;
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is not null)
        {
            throw new WorkflowInstanceExistsException(instanceId);
        }

        return await client.ScheduleNewOrchestrationInstanceAsync(new TaskName(orchestratorName), input, new StartOrchestrationOptions(instanceId), cancellationToken).ConfigureAwait(false);
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        var client = DurableClientScope.Client;
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (instance is { IsRunning: true } || instance?.RuntimeStatus == OrchestrationRuntimeStatus.Pending)
        {
            await client.RaiseEventAsync(instanceId, eventName, eventPayload, cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var m = await DurableClientScope.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        return m is null
            ? null
            : new WorkflowInstance(
                m.InstanceId,
                m.Name,
                string.Empty,
                m.RuntimeStatus switch
                {
                    OrchestrationRuntimeStatus.Pending => WorkflowRuntimeStatus.Pending,
                    OrchestrationRuntimeStatus.Completed => WorkflowRuntimeStatus.Completed,
                    OrchestrationRuntimeStatus.Failed => WorkflowRuntimeStatus.Failed,
                    OrchestrationRuntimeStatus.Terminated => WorkflowRuntimeStatus.Terminated,
                    _ => WorkflowRuntimeStatus.Running,
                },
                m.CreatedAt,
                m.LastUpdatedAt,
                m.SerializedInput,
                m.SerializedOutput,
                m.SerializedCustomStatus,
                m.FailureDetails is { } f ? new WorkflowFailure(f.ErrorType, f.ErrorMessage) : null);
    }

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        DurableClientScope.Client.TerminateInstanceAsync(instanceId, output, cancellationToken);

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await DurableClientScope.Client.PurgeInstanceAsync(instanceId, cancellation: cancellationToken).ConfigureAwait(false)).PurgedInstanceCount > 0;
}
