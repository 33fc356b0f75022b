namespace CoachFlow.LocalHost.Workflow;

/// <summary>The history events of DurableTask.Core that this runtime records.</summary>
public enum HistoryEventType
{
    OrchestratorStarted,
    ExecutionStarted,
    TaskScheduled,
    TaskCompleted,
    TaskFailed,
    TimerCreated,
    TimerFired,
    EventRaised,
    ExecutionCompleted,
    ExecutionFailed,
    ExecutionTerminated,
}
