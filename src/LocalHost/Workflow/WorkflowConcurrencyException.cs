namespace CoachFlow.LocalHost.Workflow;

/// <summary>Another commit changed the instance since it was loaded; the episode is run again.</summary>
public sealed class WorkflowConcurrencyException : Exception
{
    public WorkflowConcurrencyException()
    {
    }

    public WorkflowConcurrencyException(string message)
        : base(message)
    {
    }

    public WorkflowConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
