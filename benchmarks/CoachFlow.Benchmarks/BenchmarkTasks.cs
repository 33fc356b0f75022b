using Microsoft.DurableTask;

namespace CoachFlow.Benchmarks;

/// <summary>The orchestrations the benchmark measures, each the smallest shape of one engine behaviour.</summary>
internal static class BenchmarkTasks
{
    public const string Sequence = nameof(Sequence);
    public const string Listener = nameof(Listener);
    public const string Sleeper = nameof(Sleeper);
    public const string Waiter = nameof(Waiter);
    public const string Ping = nameof(Ping);
    public const string Waiting = "waiting";

    public static void Register(DurableTaskRegistry registry)
    {
        // N activities one after another: the per-instance rate of the lifecycle's own steps.
        registry.AddOrchestratorFunc<int, int>(Sequence, async (context, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                await context.CallActivityAsync<int>("Noop", i);
            }

            return count;
        });
        registry.AddActivityFunc<int, int>("Noop", (_, i) => i);

        // N external events awaited one after another: the rate at which clicks reach one engagement.
        registry.AddOrchestratorFunc<int, int>(Listener, async (context, count) =>
        {
            for (var i = 0; i < count; i++)
            {
                await context.WaitForExternalEvent<int>(Ping);
            }

            return count;
        });

        // A durable timer, and how late the orchestration saw it fire (negative: early).
        registry.AddOrchestratorFunc<double, double>(Sleeper, async (context, seconds) =>
        {
            var due = context.CurrentUtcDateTime.AddSeconds(seconds);
            await context.CreateTimer(due, CancellationToken.None);
            return (context.CurrentUtcDateTime - due).TotalMilliseconds;
        });

        // The lifecycle's usual wait: an event raced against a seven-day deadline.
        registry.AddOrchestratorFunc<string?, bool>(Waiter, async (context, _) =>
        {
            // Saved with the episode that sets up the wait: the instance is waiting once storage says so.
            context.SetCustomStatus(Waiting);
            using var cancelTimer = new CancellationTokenSource();
            var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(7), cancelTimer.Token);
            var answer = context.WaitForExternalEvent<int>(Ping);
            if (await Task.WhenAny(answer, timer) == answer)
            {
                cancelTimer.Cancel();
                return true;
            }

            return false;
        });
    }
}
