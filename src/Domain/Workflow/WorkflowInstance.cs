namespace CoachFlow.Domain.Workflow;

/// <summary>An instance as the client sees it (Durable's <c>OrchestrationMetadata</c>); payloads stay serialized.</summary>
public sealed record WorkflowInstance(
    string InstanceId,
    string Name,
    string Version,
    WorkflowRuntimeStatus RuntimeStatus,
    DateTimeOffset CreatedAt,
    DateTimeOffset LastUpdatedAt,
    string? SerializedInput,
    string? SerializedOutput,
    string? SerializedCustomStatus,
    WorkflowFailure? FailureDetails)
{
    public bool IsFinished => RuntimeStatus is WorkflowRuntimeStatus.Completed or WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated;
}
