namespace CoachFlow.Domain.Workflow;

/// <summary>Durable Task's runtime statuses, with the same names.</summary>
public enum WorkflowRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
}
