namespace CoachFlow.LocalHost.Workflow;

/// <summary>What one episode changes, written as one entity-group transaction.</summary>
public sealed record EpisodeCommit(
    InstanceState State,
    IReadOnlyList<HistoryEvent> NewHistory,
    IReadOnlyList<string> ProcessedInboxKeys,
    IReadOnlyList<ActivityWork> NewActivities,
    IReadOnlyList<TimerWork> NewTimers,
    IReadOnlyList<string> RemovedWorkKeys);
