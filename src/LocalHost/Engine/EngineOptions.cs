namespace CoachFlow.LocalHost.Engine;

/// <summary>
/// How the local host runs the Durable Task engine (<c>CoachFlow:Engine</c>). Azure Functions has its
/// own equivalents in host.json; these are the local host's. See docs/durable-engine.md for why each
/// default is what it is and what an idle host costs.
/// </summary>
public sealed class EngineOptions
{
    public const string SectionName = "CoachFlow:Engine";

    public EngineBackend Backend { get; set; } = EngineBackend.AzureStorage;

    /// <summary>
    /// Control-queue partitions. Hosts on one storage account share them through leases: more
    /// partitions let more hosts share the work; each one is polled, so each costs storage calls.
    /// </summary>
    public int PartitionCount { get; set; } = 4;

    /// <summary>The longest an idle host waits between polls of a queue: the worst-case delay of a click or a due timer.</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Names this host in partition leases. It must stay the same across restarts (a restarted host then
    /// takes its leases back at once) and differ between hosts sharing a task hub.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName;

    /// <summary>
    /// How long a message a host took stays hidden from the others: after a crash, the work it held
    /// waits this long before another host (or the restarted one) runs it again.
    /// </summary>
    public TimeSpan MessageVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Orchestration episodes this host runs at once. Each one makes storage calls, so this also bounds how
    /// many of the engine's calls queue in front of a request's own (Azurite answers one at a time).
    /// </summary>
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    /// <summary>Activities this host runs at once; the same trade-off as <see cref="MaxConcurrentOrchestrations"/>.</summary>
    public int MaxConcurrentActivities { get; set; } = 10 * Environment.ProcessorCount;

    /// <summary>The orchestration version new instances start with: host.json's <c>defaultVersion</c>.</summary>
    public string DefaultVersion { get; set; } = "1.0";
}
