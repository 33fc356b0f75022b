namespace CoachFlow.Domain.Workflow;

/// <summary>An activity failed after its retries (Durable's <c>TaskFailedException</c>).</summary>
public sealed class WorkflowTaskFailedException : Exception
{
    public WorkflowTaskFailedException()
    {
    }

    public WorkflowTaskFailedException(string message)
        : base(message)
    {
    }

    public WorkflowTaskFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WorkflowTaskFailedException(string taskName, WorkflowFailure failure)
        : base($"Activity '{taskName}' failed: {failure?.ErrorType}: {failure?.ErrorMessage}")
    {
        TaskName = taskName;
        Failure = failure;
    }

    public string? TaskName { get; }

    public WorkflowFailure? Failure { get; }
}
