namespace CoachFlow.Domain.Workflow;

/// <summary>An instance with this id already exists: a repeated start, which callers treat as done.</summary>
public sealed class WorkflowInstanceExistsException : Exception
{
    public WorkflowInstanceExistsException()
    {
    }

    public WorkflowInstanceExistsException(string instanceId)
        : base($"A workflow instance with id '{instanceId}' already exists.")
    {
    }

    public WorkflowInstanceExistsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
