namespace CoachFlow.Domain.Workflow;

/// <summary>Starts and steers workflow instances, mirroring Durable Task's <c>DurableTaskClient</c>.</summary>
public interface IWorkflowClient
{
    /// <summary>Starts an instance; an id that already exists is refused with <see cref="WorkflowInstanceExistsException"/>.</summary>
    Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default);

    /// <summary>Delivers an event; events for unknown or finished instances are dropped.</summary>
    Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default);

    Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default);

    /// <summary>Removes a finished instance and its whole history; returns false when there was nothing to purge.</summary>
    Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default);
}
