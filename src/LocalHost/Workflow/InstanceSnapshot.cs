namespace CoachFlow.LocalHost.Workflow;

/// <summary>Everything in an instance's partition, read in one query.</summary>
public sealed record InstanceSnapshot(
    InstanceState State,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<InboxMessage> Inbox,
    IReadOnlyList<ActivityWork> Activities,
    IReadOnlyList<TimerWork> Timers);
