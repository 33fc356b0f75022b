namespace CoachFlow.LocalHost.Workflow;

/// <summary>The runtime's log lines: instance ids, names and statuses only, never payloads.</summary>
internal static partial class WorkflowLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Workflow {InstanceId} is now {Status}")]
    public static partial void StatusChanged(ILogger logger, string instanceId, Domain.Workflow.WorkflowRuntimeStatus status);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Workflow {InstanceId} failed: {ErrorType}: {ErrorMessage}")]
    public static partial void Failed(ILogger logger, string instanceId, string errorType, string errorMessage);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Event {EventName} for unknown or finished workflow {InstanceId} dropped")]
    public static partial void EventDropped(ILogger logger, string eventName, string instanceId);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning, Message = "Activity {ActivityName} of {InstanceId} failed attempt {Attempt}; retrying in {Delay}")]
    public static partial void ActivityRetrying(ILogger logger, Exception exception, string activityName, string instanceId, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Information, Message = "Resuming {Instances} workflows, {Activities} activities and {Timers} timers left from the last run")]
    public static partial void Resuming(ILogger logger, int instances, int activities, int timers);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Debug, Message = "Workflow {InstanceId} changed during an episode; running it again")]
    public static partial void Conflict(ILogger logger, string instanceId);

    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Episode of workflow {InstanceId} failed to run or commit; retrying")]
    public static partial void EpisodeError(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Error, Message = "A timer of workflow {InstanceId} could not be fired; trying again")]
    public static partial void TimerError(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Error, Message = "Result of activity {ActivityName} for {InstanceId} could not be stored; running it again")]
    public static partial void ActivityError(ILogger logger, Exception exception, string activityName, string instanceId);
}
