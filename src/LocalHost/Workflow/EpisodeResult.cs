using CoachFlow.Domain.Workflow;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>What running an episode produced: the new status and everything to append and schedule.</summary>
internal sealed record EpisodeResult(
    WorkflowRuntimeStatus Status,
    string? Output,
    WorkflowFailure? Failure,
    string? CustomStatus,
    IReadOnlyList<HistoryEvent> NewHistory,
    IReadOnlyList<ActivityWork> NewActivities,
    IReadOnlyList<TimerWork> NewTimers,
    IReadOnlySet<int> CancelledTimers);
