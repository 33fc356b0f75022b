using Microsoft.DurableTask;

namespace CoachFlow.Workflow;

/// <summary>Waiting patterns over Durable's primitives: an event raced against durable timers.</summary>
internal static class EventWaits
{
    /// <summary>
    /// Waits for <paramref name="eventName"/> until <paramref name="deadline"/>, running
    /// <paramref name="onReminder"/> once at <paramref name="remindAt"/> if no accepted event has come by
    /// then. One event task stays alive across the reminder: re-waiting after cancelling a wait can
    /// swallow the next event of that name on the isolated worker (azure-functions-durable-extension#3255).
    /// An event <paramref name="accept"/> refuses (a late repeat) is dropped and the wait goes on.
    /// Null when the deadline passes first. Every losing timer is cancelled. Ends with
    /// <see cref="EngagementWithdrawnException"/> once <paramref name="withdrawn"/> completes.
    /// </summary>
    public static async Task<T?> WaitWithReminderAsync<T>(
        this TaskOrchestrationContext context,
        string eventName,
        DateTime remindAt,
        DateTime deadline,
        Func<Task> onReminder,
        Func<T, bool> accept,
        Task withdrawn)
        where T : class
    {
        var reminded = remindAt >= deadline;
        var eventTask = context.WaitForExternalEvent<T>(eventName);
        while (true)
        {
            if (await RaceAsync(context, eventTask, reminded ? deadline : remindAt, withdrawn))
            {
                var value = await eventTask;
                if (accept(value))
                {
                    return value;
                }

                eventTask = context.WaitForExternalEvent<T>(eventName);
                continue;
            }

            if (reminded)
            {
                return null;
            }

            reminded = true;
            await onReminder();
        }
    }

    /// <summary>
    /// True when <paramref name="eventTask"/> won; false when the timer fired first. The losing timer is cancelled.
    /// A withdrawal ends the race whenever it comes, one already received before any timer is set.
    /// </summary>
    public static async Task<bool> RaceAsync(TaskOrchestrationContext context, Task eventTask, DateTime fireAt, Task withdrawn)
    {
        ThrowIfWithdrawn(withdrawn);
        using var cancelTimer = new CancellationTokenSource();
        var timer = context.CreateTimer(fireAt, cancelTimer.Token);
        if (await Task.WhenAny(eventTask, withdrawn, timer) == timer)
        {
            return false;
        }

        // Synchronous on purpose: orchestrator code must stay on the orchestration's own thread.
        cancelTimer.Cancel();
        ThrowIfWithdrawn(withdrawn);
        return true;
    }

    public static void ThrowIfWithdrawn(Task withdrawn)
    {
        if (withdrawn.IsCompleted)
        {
            throw new EngagementWithdrawnException();
        }
    }
}
