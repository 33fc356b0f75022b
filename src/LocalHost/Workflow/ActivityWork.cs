namespace CoachFlow.LocalHost.Workflow;

/// <summary>A scheduled activity not yet completed: persisted until its result is committed.</summary>
public sealed record ActivityWork(string InstanceId, int TaskId, string Name, string? Input)
{
    public string RowKey => WorkflowStore.ActivityKey(TaskId);
}
