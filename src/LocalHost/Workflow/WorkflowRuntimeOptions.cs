namespace CoachFlow.LocalHost.Workflow;

/// <summary>How the local runtime runs: bound from <c>CoachFlow:Workflow</c>.</summary>
public sealed class WorkflowRuntimeOptions
{
    public const string SectionName = "CoachFlow:Workflow";

    /// <summary>The version new instances start with, like Durable's <c>defaultVersion</c> in host.json.</summary>
    public string DefaultVersion { get; set; } = "1";

    /// <summary>Attempts per activity, the first included.</summary>
    public int ActivityMaxAttempts { get; set; } = 4;

    public TimeSpan ActivityFirstRetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    public double ActivityBackoffCoefficient { get; set; } = 2;

    public TimeSpan ActivityMaxRetryInterval { get; set; } = TimeSpan.FromMinutes(1);

    public int MaxConcurrentEpisodes { get; set; } = 4;

    public int MaxConcurrentActivities { get; set; } = 4;

    /// <summary>Inbox messages applied per episode, keeping each commit inside one entity-group transaction.</summary>
    public int MaxMessagesPerEpisode { get; set; } = 20;

    /// <summary>The runtime's table (before the CoachFlow table prefix).</summary>
    public string TableName { get; set; } = "Workflows";
}
