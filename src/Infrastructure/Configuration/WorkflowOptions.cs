namespace CoachFlow.Infrastructure.Configuration;

/// <summary>The durable workflow both hosts run (<c>CoachFlow:Workflow</c>).</summary>
public sealed class WorkflowOptions
{
    /// <summary>
    /// The Durable task hub: the prefix of its tables, queues and blob containers. host.json reads the
    /// same setting (<c>%CoachFlow__Workflow__TaskHub%</c>), so both hosts name one hub alike.
    /// </summary>
    public string TaskHub { get; set; } = "CoachFlow";

    /// <summary>The one retry policy every activity shares.</summary>
    public ActivityRetryOptions ActivityRetry { get; set; } = new();
}
