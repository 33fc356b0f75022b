namespace CoachFlow.LocalHost.Workflow;

/// <summary>A durable timer not yet fired: persisted until it fires or is cancelled.</summary>
public sealed record TimerWork(string InstanceId, int TimerId, DateTime FireAt)
{
    public string RowKey => WorkflowStore.TimerKey(TimerId);
}
