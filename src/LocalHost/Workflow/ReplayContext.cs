using CoachFlow.Domain.Workflow;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// The <see cref="IWorkflowContext"/> of one episode. Actions the code issues get sequence numbers;
/// replayed history must match them one for one. Results from history complete the open tasks,
/// and external events are buffered by name until awaited, oldest first.
/// </summary>
internal sealed class ReplayContext(string instanceId, string version, ReplayScheduler scheduler) : IWorkflowContext
{
    private readonly SortedDictionary<int, HistoryEvent> _unmatchedActions = [];
    private readonly Dictionary<int, OpenTask> _openTasks = [];
    private readonly Dictionary<string, Queue<string?>> _bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LinkedList<OpenTask>> _eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private int _nextTaskId;

    public string InstanceId { get; } = instanceId;

    public string Version { get; } = version;

    public DateTime CurrentUtcDateTime { get; set; }

    public bool IsReplaying { get; set; }

    public string? CustomStatus { get; private set; }

    public bool CustomStatusSet { get; private set; }

    /// <summary>Timers the code cancelled: never to be scheduled or fired.</summary>
    public HashSet<int> CancelledTimers { get; } = [];

    /// <summary>Actions issued but not found in history: the ones this episode adds.</summary>
    public IReadOnlyCollection<HistoryEvent> UnmatchedActions => _unmatchedActions.Values;

    /// <summary>True while some activity, timer or event wait can still complete the workflow's awaits.</summary>
    public bool HasOpenWork =>
        _openTasks.Values.Any(t => !t.IsCompleted) || _eventWaiters.Values.Any(w => w.Count > 0);

    public Task CallActivityAsync(string name, object? input = null) => CallActivityAsync<object?>(name, input);

    public Task<TResult> CallActivityAsync<TResult>(string name, object? input = null)
    {
        EnsureOnWorkflowScheduler();
        var id = _nextTaskId++;
        var task = new OpenTask<TResult>();
        _openTasks[id] = task;
        _unmatchedActions[id] = new HistoryEvent(HistoryEventType.TaskScheduled, CurrentUtcDateTime, id, name, DurableJson.Serialize(input));
        return task.Task;
    }

    public Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken)
    {
        EnsureOnWorkflowScheduler();
        var id = _nextTaskId++;
        var task = new OpenTask<object?>();
        _openTasks[id] = task;
        _unmatchedActions[id] = new HistoryEvent(HistoryEventType.TimerCreated, CurrentUtcDateTime, id, FireAt: fireAt.ToUniversalTime());
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                CancelledTimers.Add(id);
                task.SetCanceled(cancellationToken);
            });
        }

        return task.Task;
    }

    public Task<T> WaitForExternalEvent<T>(string eventName, CancellationToken cancellationToken = default)
    {
        EnsureOnWorkflowScheduler();
        var waiter = new OpenTask<T>();
        if (_bufferedEvents.TryGetValue(eventName, out var buffered) && buffered.Count > 0)
        {
            waiter.SetResult(buffered.Dequeue());
            return waiter.Task;
        }

        if (!_eventWaiters.TryGetValue(eventName, out var waiters))
        {
            _eventWaiters[eventName] = waiters = new LinkedList<OpenTask>();
        }

        var node = waiters.AddLast(waiter);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() =>
            {
                if (node.List is not null)
                {
                    waiters.Remove(node);
                }

                waiter.SetCanceled(cancellationToken);
            });
        }

        return waiter.Task;
    }

    public void SetCustomStatus(object? customStatus)
    {
        EnsureOnWorkflowScheduler();
        CustomStatus = DurableJson.Serialize(customStatus);
        CustomStatusSet = true;
    }

    /// <summary>Checks a recorded action against what the code issued at that sequence number.</summary>
    public void MatchRecordedAction(HistoryEvent recorded)
    {
        var id = recorded.TaskId ?? -1;
        if (!_unmatchedActions.Remove(id, out var issued))
        {
            throw new NonDeterministicWorkflowException(
                $"Non-deterministic workflow '{InstanceId}': history recorded {recorded} but the code issued nothing there.");
        }

        if (issued.Type != recorded.Type || !string.Equals(issued.Name, recorded.Name, StringComparison.OrdinalIgnoreCase))
        {
            throw new NonDeterministicWorkflowException(
                $"Non-deterministic workflow '{InstanceId}': history recorded {recorded} but the code now issued {issued}.");
        }
    }

    public void CompleteTask(int taskId, string? result)
    {
        if (_openTasks.Remove(taskId, out var task))
        {
            task.SetResult(result);
        }
    }

    public void FailTask(int taskId, string name, WorkflowFailure failure)
    {
        if (_openTasks.Remove(taskId, out var task))
        {
            task.SetException(new WorkflowTaskFailedException(name, failure));
        }
    }

    /// <summary>Hands the event to the oldest waiter for its name, or buffers it until someone waits.</summary>
    public void DeliverEvent(string name, string? payload)
    {
        if (_eventWaiters.TryGetValue(name, out var waiters) && waiters.First is { } first)
        {
            waiters.RemoveFirst();
            first.Value.SetResult(payload);
            return;
        }

        if (!_bufferedEvents.TryGetValue(name, out var buffered))
        {
            _bufferedEvents[name] = buffered = new Queue<string?>();
        }

        buffered.Enqueue(payload);
    }

    private void EnsureOnWorkflowScheduler()
    {
        if (TaskScheduler.Current != scheduler)
        {
            throw new InvalidOperationException(
                "Workflow code ran off the workflow's scheduler: await only tasks from IWorkflowContext and never use ConfigureAwait(false) in a workflow.");
        }
    }
}
