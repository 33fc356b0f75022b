using Azure;
using CoachFlow.Domain.Workflow;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>An instance's state row; <see cref="ETag"/> guards every commit against a concurrent one.</summary>
public sealed record InstanceState(
    string InstanceId,
    string Name,
    string Version,
    WorkflowRuntimeStatus Status,
    string? Input,
    string? Output,
    string? CustomStatus,
    WorkflowFailure? Failure,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    int HistoryCount,
    ETag ETag)
{
    public bool IsFinished => Status is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;

    public WorkflowInstance ToInstance() =>
        new(InstanceId, Name, Version, Status, CreatedAt, LastUpdatedAt, Input, Output, CustomStatus, Failure);
}
