namespace CoachFlow.Workflow;

/// <summary>
/// Ends whatever the workflow is waiting for when the coach withdraws the engagement; caught once, at the top of
/// <see cref="EngagementWorkflow"/>, so the lifecycle itself reads without a withdrawal check after every wait.
/// </summary>
internal sealed class EngagementWithdrawnException : Exception
{
    public EngagementWithdrawnException()
        : base("The coach withdrew the engagement.")
    {
    }

    public EngagementWithdrawnException(string message)
        : base(message)
    {
    }

    public EngagementWithdrawnException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
