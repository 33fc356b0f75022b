using CoachFlow.Domain.Workflow;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// One step of an instance, as in DurableTask.Core: replay the recorded history (checking the code
/// issues the same actions), apply the new messages, and collect what the code did next.
/// Nothing here touches storage or the clock; the runtime commits the result.
/// </summary>
internal static class Episode
{
    public static EpisodeResult Run(WorkflowRegistry registry, InstanceState state, IReadOnlyList<HistoryEvent> history, IReadOnlyList<HistoryEvent> messages, DateTime now)
    {
        var scheduler = new ReplayScheduler();
        var context = new ReplayContext(state.InstanceId, state.Version, scheduler);
        Task<string?>? orchestration = null;
        var newHistory = new List<HistoryEvent> { new(HistoryEventType.OrchestratorStarted, now) };
        newHistory.AddRange(messages);

        void Apply(HistoryEvent e)
        {
            switch (e.Type)
            {
                case HistoryEventType.OrchestratorStarted:
                    context.CurrentUtcDateTime = e.Timestamp;
                    break;
                case HistoryEventType.ExecutionStarted:
                    var orchestrator = registry.FindOrchestrator(e.Name ?? string.Empty)
                        ?? throw new InvalidOperationException($"No orchestrator named '{e.Name}' is registered.");
                    orchestration = Task.Factory.StartNew(() => orchestrator(context, e.Payload), CancellationToken.None, TaskCreationOptions.DenyChildAttach, scheduler).Unwrap();
                    break;
                case HistoryEventType.TaskScheduled or HistoryEventType.TimerCreated:
                    context.MatchRecordedAction(e);
                    break;
                case HistoryEventType.TaskCompleted or HistoryEventType.TimerFired:
                    context.CompleteTask(e.TaskId ?? -1, e.Payload);
                    break;
                case HistoryEventType.TaskFailed:
                    context.FailTask(e.TaskId ?? -1, e.Name ?? "?", e.Failure ?? new WorkflowFailure("Unknown", "No details recorded."));
                    break;
                case HistoryEventType.EventRaised:
                    context.DeliverEvent(e.Name ?? string.Empty, e.Payload);
                    break;
            }

            scheduler.RunUntilIdle();
        }

        try
        {
            context.IsReplaying = true;
            foreach (var e in history)
            {
                Apply(e);
            }

            context.IsReplaying = false;
            foreach (var e in newHistory)
            {
                Apply(e);
            }
        }
        catch (Exception e) when (e is NonDeterministicWorkflowException or InvalidOperationException)
        {
            return Finished(state, context, newHistory, WorkflowRuntimeStatus.Failed, null, Failure(e), now);
        }

        if (orchestration is null)
        {
            return Finished(state, context, newHistory, WorkflowRuntimeStatus.Failed, null, new WorkflowFailure("InvalidOperationException", "The instance has no start event."), now);
        }

        if (orchestration.IsCompletedSuccessfully)
        {
            return Finished(state, context, newHistory, WorkflowRuntimeStatus.Completed, orchestration.Result, null, now);
        }

        if (orchestration.IsFaulted || orchestration.IsCanceled)
        {
            var error = orchestration.Exception?.InnerException ?? new TaskCanceledException("The workflow was cancelled.");
            return Finished(state, context, newHistory, WorkflowRuntimeStatus.Failed, null, Failure(error), now);
        }

        if (!context.HasOpenWork)
        {
            var stuck = new WorkflowFailure(
                nameof(InvalidOperationException),
                "The workflow is awaiting something that is not a workflow task (Task.Delay, I/O, a thread?); all waiting must go through IWorkflowContext.");
            return Finished(state, context, newHistory, WorkflowRuntimeStatus.Failed, null, stuck, now);
        }

        var actions = context.UnmatchedActions.ToList();
        newHistory.AddRange(actions);
        var activities = actions.Where(a => a.Type == HistoryEventType.TaskScheduled)
            .Select(a => new ActivityWork(state.InstanceId, a.TaskId!.Value, a.Name!, a.Payload))
            .ToList();
        var timers = actions.Where(a => a.Type == HistoryEventType.TimerCreated && !context.CancelledTimers.Contains(a.TaskId!.Value))
            .Select(a => new TimerWork(state.InstanceId, a.TaskId!.Value, a.FireAt!.Value))
            .ToList();
        return new EpisodeResult(
            WorkflowRuntimeStatus.Running, null, null, CustomStatus(state, context), newHistory, activities, timers, context.CancelledTimers);
    }

    private static EpisodeResult Finished(InstanceState state, ReplayContext context, List<HistoryEvent> newHistory, WorkflowRuntimeStatus status, string? output, WorkflowFailure? failure, DateTime now)
    {
        newHistory.Add(status == WorkflowRuntimeStatus.Completed
            ? new HistoryEvent(HistoryEventType.ExecutionCompleted, now, Payload: output)
            : new HistoryEvent(HistoryEventType.ExecutionFailed, now, Failure: failure));
        return new EpisodeResult(status, output, failure, CustomStatus(state, context), newHistory, [], [], context.CancelledTimers);
    }

    private static string? CustomStatus(InstanceState state, ReplayContext context) =>
        context.CustomStatusSet ? context.CustomStatus : state.CustomStatus;

    private static WorkflowFailure Failure(Exception e) => new(e.GetType().Name, e.Message);
}
