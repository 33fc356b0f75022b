using System.Collections.Concurrent;
using CoachFlow.Domain.Workflow;

namespace CoachFlow.Tests.TestSupport;

/// <summary>Stands in for the workflow runtime where a test only needs to see which events were raised.</summary>
public sealed class RecordingWorkflowClient : IWorkflowClient
{
    public ConcurrentQueue<(string InstanceId, string EventName, object? Payload)> Raised { get; } = new();

    public Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default) =>
        Task.FromResult(instanceId);

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        Raised.Enqueue((instanceId, eventName, eventPayload));
        return Task.CompletedTask;
    }

    public Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult<WorkflowInstance?>(null);

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
