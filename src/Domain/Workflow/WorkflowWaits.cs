namespace CoachFlow.Domain.Workflow;

/// <summary>Waiting patterns built only from the context's primitives, so both runtimes behave alike.</summary>
public static class WorkflowWaits
{
    /// <summary>
    /// Waits for <paramref name="eventName"/> until <paramref name="deadline"/>, running
    /// <paramref name="onReminder"/> once at <paramref name="remindAt"/> if the event has not come by then.
    /// One event task stays alive across the reminder: re-waiting after cancelling a wait can swallow
    /// the next event of that name on the isolated Durable worker (azure-functions-durable-extension#3255).
    /// Every losing timer is cancelled, so no stray timer keeps the instance alive.
    /// </summary>
    public static async Task<WaitOutcome<T>> WaitForEventAsync<T>(
        this IWorkflowContext context,
        string eventName,
        DateTime deadline,
        DateTime? remindAt = null,
        Func<Task>? onReminder = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var eventTask = context.WaitForExternalEvent<T>(eventName);

        if (remindAt is { } reminderTime && reminderTime < deadline && onReminder is not null)
        {
            if (await RaceAsync(context, eventTask, reminderTime))
            {
                return new WaitOutcome<T>(TimedOut: false, await eventTask);
            }

            await onReminder();
        }

        return await RaceAsync(context, eventTask, deadline)
            ? new WaitOutcome<T>(TimedOut: false, await eventTask)
            : new WaitOutcome<T>(TimedOut: true, default);
    }

    /// <summary>True when the event won; false when the timer fired first. The loser timer is cancelled.</summary>
    private static async Task<bool> RaceAsync(IWorkflowContext context, Task eventTask, DateTime fireAt)
    {
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(fireAt, cancelTimer.Token);
        var winner = await Task.WhenAny(eventTask, timer);
        if (winner == eventTask)
        {
            // Synchronous on purpose: CancelAsync may run the timer's cancellation on another thread,
            // and workflow code must stay on the orchestration's own scheduler.
            cancelTimer.Cancel();
            return true;
        }

        return false;
    }
}
