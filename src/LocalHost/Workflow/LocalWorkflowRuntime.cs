using System.Threading.Channels;
using CoachFlow.Domain.Workflow;
using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// Runs workflows locally with Durable semantics: history replay persisted in Table Storage,
/// buffered external events, durable timers on the injected clock, at-least-once activities with
/// retries. Instances live in storage between episodes; memory holds only queued work and the
/// schedule of pending timers, so thousands of waiting instances cost almost nothing.
/// </summary>
public sealed class LocalWorkflowRuntime : IWorkflowClient, IHostedService, IAsyncDisposable
{
    private readonly WorkflowStore _store;
    private readonly WorkflowRegistry _registry;
    private readonly TimeProvider _clock;
    private readonly IServiceProvider _services;
    private readonly WorkflowRuntimeOptions _options;
    private readonly ILogger _logger;

    private readonly Channel<string> _episodes = Channel.CreateUnbounded<string>();
    private readonly Channel<ActivityWork> _activities = Channel.CreateUnbounded<ActivityWork>();
    private readonly Dictionary<string, InstanceWork> _instanceWork = new(StringComparer.Ordinal);
    private readonly SortedSet<TimerWork> _timers = new(Comparer<TimerWork>.Create(CompareTimers));
    private readonly CancellationTokenSource _stopping = new();

    // Shutdown must not depend on a clock's timer honouring cancellation (a fake clock's may not), so the timer loop also waits on this.
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _loops = [];
    private TaskCompletionSource _timerWake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _busy;

    public LocalWorkflowRuntime(
        WorkflowStore store,
        WorkflowRegistry registry,
        TimeProvider clock,
        IServiceProvider services,
        IOptions<WorkflowRuntimeOptions> options,
        ILogger<LocalWorkflowRuntime> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _registry = registry;
        _clock = clock;
        _services = services;
        _options = options.Value;
        _logger = logger;
    }

    private enum InstanceWork
    {
        Queued,
        Running,
        RunningAndSignalled,
    }

    /// <summary>Instances with an episode queued or running: zero when everything is waiting in storage.</summary>
    public int InstancesInMemory
    {
        get
        {
            lock (_instanceWork)
            {
                return _instanceWork.Count;
            }
        }
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _store.CreateTableAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < _options.MaxConcurrentEpisodes; i++)
        {
            _loops.Add(Task.Run(() => RunEpisodesAsync(_stopping.Token), CancellationToken.None));
        }

        for (var i = 0; i < _options.MaxConcurrentActivities; i++)
        {
            _loops.Add(Task.Run(() => RunActivitiesAsync(_stopping.Token), CancellationToken.None));
        }

        _loops.Add(Task.Run(() => RunTimersAsync(_stopping.Token), CancellationToken.None));

        var pending = await _store.ScanPendingAsync(cancellationToken).ConfigureAwait(false);
        WorkflowLog.Resuming(_logger, pending.InstancesWithInbox.Count, pending.Activities.Count, pending.Timers.Count);
        foreach (var activity in pending.Activities)
        {
            EnqueueActivity(activity);
        }

        AddTimers(pending.Timers);
        foreach (var instanceId in pending.InstancesWithInbox)
        {
            Signal(instanceId);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_stopping.IsCancellationRequested)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _episodes.Writer.TryComplete();
        _activities.Writer.TryComplete();
        _stopped.TrySetResult();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        _stopping.Dispose();
    }

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input, string instanceId, CancellationToken cancellationToken = default)
    {
        ValidateInstanceId(instanceId);
        if (_registry.FindOrchestrator(orchestratorName) is null)
        {
            throw new ArgumentException($"No orchestrator named '{orchestratorName}' is registered.", nameof(orchestratorName));
        }

        var now = _clock.GetUtcNow();
        var serializedInput = DurableJson.Serialize(input);
        var state = new InstanceState(instanceId, orchestratorName, _options.DefaultVersion, WorkflowRuntimeStatus.Pending, serializedInput, null, null, null, now, now, 0, default);
        var started = new HistoryEvent(HistoryEventType.ExecutionStarted, now.UtcDateTime, Name: orchestratorName, Payload: serializedInput, Version: _options.DefaultVersion);
        if (!await _store.TryCreateAsync(state, started, cancellationToken).ConfigureAwait(false))
        {
            throw new WorkflowInstanceExistsException(instanceId);
        }

        Signal(instanceId);
        return instanceId;
    }

    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        var state = await _store.GetStateAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is null || state.IsFinished)
        {
            WorkflowLog.EventDropped(_logger, eventName, instanceId);
            return;
        }

        var message = new HistoryEvent(HistoryEventType.EventRaised, _clock.GetUtcNow().UtcDateTime, Name: eventName, Payload: DurableJson.Serialize(eventPayload));
        await _store.AddMessageAsync(instanceId, message, cancellationToken).ConfigureAwait(false);
        Signal(instanceId);
    }

    public async Task<WorkflowInstance?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await _store.GetStateAsync(instanceId, cancellationToken).ConfigureAwait(false))?.ToInstance();

    public async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        var state = await _store.GetStateAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is null || state.IsFinished)
        {
            return;
        }

        var message = new HistoryEvent(HistoryEventType.ExecutionTerminated, _clock.GetUtcNow().UtcDateTime, Payload: DurableJson.Serialize(output));
        await _store.AddMessageAsync(instanceId, message, cancellationToken).ConfigureAwait(false);
        Signal(instanceId);
    }

    public async Task<bool> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var state = await _store.GetStateAsync(instanceId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return false;
        }

        if (!state.IsFinished)
        {
            throw new InvalidOperationException($"Workflow '{instanceId}' is {state.Status}; terminate it before purging.");
        }

        RemoveTimers(instanceId, _ => true);
        return await _store.PurgeAsync(instanceId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The recorded history of an instance, oldest first (for diagnostics and tests).</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default) =>
        (await _store.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false))?.History ?? [];

    /// <summary>Wakes the timer loop, e.g. after the dev clock jumped forward.</summary>
    public void NudgeTimers() => Volatile.Read(ref _timerWake).TrySetResult();

    /// <summary>
    /// Completes when no episode or activity is queued or running and no timer is due: the state
    /// every test and the dev clock wait for after changing something.
    /// </summary>
    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (!IsIdle())
        {
            NudgeTimers();
            await Task.Delay(TimeSpan.FromMilliseconds(5), limit.Token).ConfigureAwait(false);
        }
    }

    private static int CompareTimers(TimerWork? a, TimerWork? b)
    {
        var byTime = Nullable.Compare(a?.FireAt, b?.FireAt);
        if (byTime != 0)
        {
            return byTime;
        }

        var byInstance = string.CompareOrdinal(a?.InstanceId, b?.InstanceId);
        return byInstance != 0 ? byInstance : Nullable.Compare(a?.TimerId, b?.TimerId);
    }

    private static void ValidateInstanceId(string instanceId)
    {
        if (string.IsNullOrWhiteSpace(instanceId) || instanceId.Length > 100 || instanceId.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
        {
            throw new ArgumentException("An instance id is 1 to 100 characters without / \\ # ? or control characters.", nameof(instanceId));
        }
    }

    private void Signal(string instanceId)
    {
        lock (_instanceWork)
        {
            if (_instanceWork.TryGetValue(instanceId, out var work))
            {
                if (work == InstanceWork.Running)
                {
                    _instanceWork[instanceId] = InstanceWork.RunningAndSignalled;
                }

                return;
            }

            _instanceWork[instanceId] = InstanceWork.Queued;
            Interlocked.Increment(ref _busy);
        }

        _episodes.Writer.TryWrite(instanceId);
    }

    private async Task RunEpisodesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var instanceId in _episodes.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    var again = true;
                    while (again)
                    {
                        lock (_instanceWork)
                        {
                            _instanceWork[instanceId] = InstanceWork.Running;
                        }

                        await ProcessInstanceAsync(instanceId, stopping).ConfigureAwait(false);
                        lock (_instanceWork)
                        {
                            again = _instanceWork[instanceId] == InstanceWork.RunningAndSignalled;
                            if (!again)
                            {
                                _instanceWork.Remove(instanceId);
                            }
                        }
                    }
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    // Storage trouble: the inbox still holds the messages, so try the instance again shortly.
                    WorkflowLog.EpisodeError(_logger, e, instanceId);
                    lock (_instanceWork)
                    {
                        _instanceWork.Remove(instanceId);
                    }

                    _ = RetryLaterAsync(() => Signal(instanceId), stopping);
                }
                finally
                {
                    Interlocked.Decrement(ref _busy);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: unfinished work stays in storage and resumes on the next start.
        }
    }

    private async Task ProcessInstanceAsync(string instanceId, CancellationToken stopping)
    {
        while (true)
        {
            var snapshot = await _store.LoadAsync(instanceId, stopping).ConfigureAwait(false);
            if (snapshot is null || snapshot.Inbox.Count == 0)
            {
                return;
            }

            var batch = snapshot.Inbox.Take(_options.MaxMessagesPerEpisode).ToList();
            var commit = snapshot.State.IsFinished
                ? DropMessages(snapshot, batch)
                : batch.Any(m => m.Event.Type == HistoryEventType.ExecutionTerminated)
                    ? Terminate(snapshot, batch)
                    : RunEpisode(snapshot, batch);
            try
            {
                await _store.CommitAsync(commit, stopping).ConfigureAwait(false);
            }
            catch (WorkflowConcurrencyException)
            {
                WorkflowLog.Conflict(_logger, instanceId);
                continue;
            }

            AfterCommit(snapshot, commit);
            if (snapshot.Inbox.Count > batch.Count)
            {
                Signal(instanceId);
            }

            return;
        }
    }

    private EpisodeCommit RunEpisode(InstanceSnapshot snapshot, List<InboxMessage> batch)
    {
        var now = _clock.GetUtcNow();
        var state = snapshot.State;
        var result = Episode.Run(_registry, state, snapshot.History, [.. batch.Select(m => m.Event)], now.UtcDateTime);
        var finished = result.Status != WorkflowRuntimeStatus.Running;
        var removed = snapshot.Timers.Where(t => finished || result.CancelledTimers.Contains(t.TimerId)).Select(t => t.RowKey)
            .Concat(finished ? snapshot.Activities.Select(a => a.RowKey) : [])
            .ToList();
        var newState = state with
        {
            Status = result.Status,
            Output = result.Output,
            Failure = result.Failure,
            CustomStatus = result.CustomStatus,
            LastUpdatedAt = now,
        };
        return new EpisodeCommit(newState, result.NewHistory, [.. batch.Select(m => m.RowKey)], result.NewActivities, result.NewTimers, removed);
    }

    private EpisodeCommit Terminate(InstanceSnapshot snapshot, List<InboxMessage> batch)
    {
        var now = _clock.GetUtcNow();
        var terminate = batch.First(m => m.Event.Type == HistoryEventType.ExecutionTerminated).Event;
        var state = snapshot.State with { Status = WorkflowRuntimeStatus.Terminated, Output = terminate.Payload, LastUpdatedAt = now };
        HistoryEvent[] history = [new(HistoryEventType.OrchestratorStarted, now.UtcDateTime), terminate];
        var removed = snapshot.Timers.Select(t => t.RowKey).Concat(snapshot.Activities.Select(a => a.RowKey)).ToList();
        return new EpisodeCommit(state, history, [.. batch.Select(m => m.RowKey)], [], [], removed);
    }

    // A finished instance takes no more messages: results of activities that outlived it, late events.
    private static EpisodeCommit DropMessages(InstanceSnapshot snapshot, List<InboxMessage> batch) =>
        new(snapshot.State, [], [.. batch.Select(m => m.RowKey)], [], [], []);

    private void AfterCommit(InstanceSnapshot before, EpisodeCommit commit)
    {
        var state = commit.State;
        var removedTimers = commit.RemovedWorkKeys.ToHashSet(StringComparer.Ordinal);
        RemoveTimers(state.InstanceId, t => removedTimers.Contains(t.RowKey));
        foreach (var activity in commit.NewActivities)
        {
            EnqueueActivity(activity);
        }

        AddTimers(commit.NewTimers);
        if (state.Status != before.State.Status)
        {
            WorkflowLog.StatusChanged(_logger, state.InstanceId, state.Status);
            if (state.Failure is { } failure)
            {
                WorkflowLog.Failed(_logger, state.InstanceId, failure.ErrorType, failure.ErrorMessage);
            }
        }
    }

    private void EnqueueActivity(ActivityWork activity)
    {
        Interlocked.Increment(ref _busy);
        _activities.Writer.TryWrite(activity);
    }

    private async Task RunActivitiesAsync(CancellationToken stopping)
    {
        try
        {
            await foreach (var work in _activities.Reader.ReadAllAsync(stopping).ConfigureAwait(false))
            {
                try
                {
                    var message = await RunActivityAsync(work, stopping).ConfigureAwait(false);
                    if (await _store.CompleteWorkAsync(work.InstanceId, work.RowKey, message, stopping).ConfigureAwait(false))
                    {
                        Signal(work.InstanceId);
                    }
                }
                catch (Exception e) when (!stopping.IsCancellationRequested)
                {
                    // The result could not be stored; the activity row remains, so run it again shortly (at least once).
                    WorkflowLog.ActivityError(_logger, e, work.Name, work.InstanceId);
                    _ = RetryLaterAsync(() => EnqueueActivity(work), stopping);
                }
                finally
                {
                    Interlocked.Decrement(ref _busy);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Shutting down: an activity cut short keeps its row and runs again on the next start.
        }
    }

    private async Task<HistoryEvent> RunActivityAsync(ActivityWork work, CancellationToken stopping)
    {
        var activity = _registry.FindActivity(work.Name);
        if (activity is null)
        {
            return Failed(work, new WorkflowFailure("ActivityNotFound", $"No activity named '{work.Name}' is registered."));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var scope = _services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var output = await activity(scope.ServiceProvider, work.Input, stopping).ConfigureAwait(false);
                    return new HistoryEvent(HistoryEventType.TaskCompleted, _clock.GetUtcNow().UtcDateTime, work.TaskId, work.Name, output);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stopping.IsCancellationRequested)
            {
                if (attempt >= _options.ActivityMaxAttempts)
                {
                    return Failed(work, new WorkflowFailure(e.GetType().Name, e.Message));
                }

                var delay = RetryDelay(attempt);
                WorkflowLog.ActivityRetrying(_logger, e, work.Name, work.InstanceId, attempt, delay);
                await Task.Delay(delay, stopping).ConfigureAwait(false);
            }
        }
    }

    private async Task RetryLaterAsync(Action retry, CancellationToken stopping)
    {
        try
        {
            await Task.Delay(_options.ActivityFirstRetryInterval, stopping).ConfigureAwait(false);
            retry();
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the work is still in storage and resumes on the next start.
        }
    }

    private HistoryEvent Failed(ActivityWork work, WorkflowFailure failure) =>
        new(HistoryEventType.TaskFailed, _clock.GetUtcNow().UtcDateTime, work.TaskId, work.Name, Failure: failure);

    private TimeSpan RetryDelay(int attempt)
    {
        var delay = _options.ActivityFirstRetryInterval * Math.Pow(_options.ActivityBackoffCoefficient, attempt - 1);
        return delay < _options.ActivityMaxRetryInterval ? delay : _options.ActivityMaxRetryInterval;
    }

    private void AddTimers(IEnumerable<TimerWork> timers)
    {
        lock (_timers)
        {
            foreach (var timer in timers)
            {
                _timers.Add(timer);
            }
        }

        NudgeTimers();
    }

    private void RemoveTimers(string instanceId, Func<TimerWork, bool> which)
    {
        lock (_timers)
        {
            _timers.RemoveWhere(t => t.InstanceId == instanceId && which(t));
        }
    }

    // Both checks under the timers lock: the timer loop turns a due timer into busy work inside that
    // same lock, so no moment exists where the work is counted in neither.
    private bool IsIdle()
    {
        lock (_timers)
        {
            var due = _timers.Count > 0 && _timers.Min!.FireAt <= _clock.GetUtcNow().UtcDateTime;
            return !due && Volatile.Read(ref _busy) == 0;
        }
    }

    private async Task RunTimersAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            // A fresh wake-up source before looking at the schedule: a timer added after this line nudges it.
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref _timerWake, wake);

            var now = _clock.GetUtcNow().UtcDateTime;
            List<TimerWork> due;
            TimeSpan wait;
            lock (_timers)
            {
                due = [.. _timers.TakeWhile(t => t.FireAt <= now)];
                foreach (var timer in due)
                {
                    _timers.Remove(timer);
                }

                Interlocked.Add(ref _busy, due.Count);
                wait = _timers.Count == 0 ? TimeSpan.FromMinutes(1) : _timers.Min!.FireAt - now;
            }

            foreach (var timer in due)
            {
                try
                {
                    var fired = new HistoryEvent(HistoryEventType.TimerFired, now, timer.TimerId, FireAt: timer.FireAt);
                    if (await _store.CompleteWorkAsync(timer.InstanceId, timer.RowKey, fired, stopping).ConfigureAwait(false))
                    {
                        Signal(timer.InstanceId);
                    }
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    // Shutting down: the timer row is still there and fires on the next start.
                    return;
                }
                catch (Exception e)
                {
                    // Storage trouble: keep the timer and try again on a later pass.
                    WorkflowLog.TimerError(_logger, e, timer.InstanceId);
                    _ = RetryLaterAsync(() => AddTimers([timer]), stopping);
                }
                finally
                {
                    Interlocked.Decrement(ref _busy);
                }
            }

            if (due.Count > 0)
            {
                continue;
            }

            var capped = wait < TimeSpan.FromMinutes(1) ? wait : TimeSpan.FromMinutes(1);
            using var cancelDelay = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            await Task.WhenAny(Task.Delay(capped, _clock, cancelDelay.Token), wake.Task, _stopped.Task).ConfigureAwait(false);
            await cancelDelay.CancelAsync().ConfigureAwait(false);
        }
    }
}
