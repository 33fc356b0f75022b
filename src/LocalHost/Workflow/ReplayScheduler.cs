namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// Runs workflow code one continuation at a time on the thread that drains it, in the order the
/// continuations were queued, so an episode is deterministic. Workflow code awaits only tasks the
/// context hands out; their continuations come back here because <c>await</c> captures this scheduler.
/// </summary>
internal sealed class ReplayScheduler : TaskScheduler
{
    private readonly Queue<Task> _queue = new();

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs queued continuations until none is left: the workflow is then waiting on something.</summary>
    public void RunUntilIdle()
    {
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            while (TryDequeue(out var task))
            {
                TryExecuteTask(task);
            }
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }

    protected override void QueueTask(Task task)
    {
        lock (_queue)
        {
            _queue.Enqueue(task);
        }
    }

    // Never inline: every continuation goes through the queue, keeping the order fixed.
    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks()
    {
        lock (_queue)
        {
            return [.. _queue];
        }
    }

    private bool TryDequeue(out Task task)
    {
        lock (_queue)
        {
            return _queue.TryDequeue(out task!);
        }
    }
}
