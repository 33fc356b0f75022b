using System.Diagnostics;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Benchmarks;

/// <summary>Each scenario drives the engine through its client, as the HTTP side of CoachFlow does.</summary>
internal static class Scenarios
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(20);

    /// <summary>Activities per second within one instance, the median of three instances run one after another.</summary>
    public static async Task<double> SequentialActivitiesAsync(DurableTaskClient client, int activities)
    {
        var rates = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var clock = Stopwatch.StartNew();
            var id = await client.ScheduleNewOrchestrationInstanceAsync(BenchmarkTasks.Sequence, activities);
            await CompleteAsync(client, id);
            rates.Add(activities / clock.Elapsed.TotalSeconds);
        }

        return Measure.Median(rates);
    }

    /// <summary>External events per second into one waiting instance, raised one after another; median of three.</summary>
    public static async Task<double> ExternalEventsAsync(DurableTaskClient client, int events)
    {
        var rates = new List<double>();
        for (var run = 0; run < 3; run++)
        {
            var id = await client.ScheduleNewOrchestrationInstanceAsync(BenchmarkTasks.Listener, events);
            using var timeout = new CancellationTokenSource(Patience);
            await client.WaitForInstanceStartAsync(id, timeout.Token);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < events; i++)
            {
                await client.RaiseEventAsync(id, BenchmarkTasks.Ping, i);
            }

            await CompleteAsync(client, id);
            rates.Add(events / clock.Elapsed.TotalSeconds);
        }

        return Measure.Median(rates);
    }

    /// <summary>How late (ms; negative is early) each of <paramref name="timers"/> concurrent five-second timers was seen to fire.</summary>
    public static async Task<IReadOnlyList<double>> TimerLatenessAsync(DurableTaskClient client, int timers)
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, timers).Select(_ => client.ScheduleNewOrchestrationInstanceAsync(BenchmarkTasks.Sleeper, 5.0)));
        var lateness = new List<double>();
        foreach (var id in ids)
        {
            lateness.Add((await CompleteAsync(client, id)).ReadOutputAs<double>());
        }

        return lateness;
    }

    /// <summary>Storage calls per second of an engine with nothing to do, over <paramref name="window"/>.</summary>
    public static async Task<double> IdleStorageCallsAsync(EngineUnderTest engine, TimeSpan window)
    {
        await Task.Delay(TimeSpan.FromSeconds(15));
        var before = engine.StorageCalls.Calls;
        await Task.Delay(window);
        return (engine.StorageCalls.Calls - before) / window.TotalSeconds;
    }

    /// <summary>
    /// Starts <paramref name="count"/> instances that each wait for an event under a seven-day deadline,
    /// and returns how many were waiting when all were, or when <paramref name="budget"/> ran out.
    /// </summary>
    public static async Task<(int Waiting, TimeSpan Elapsed)> StartWaitingAsync(DurableTaskClient client, int count, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, ct) =>
            await client.ScheduleNewOrchestrationInstanceAsync(BenchmarkTasks.Waiter, cancellation: ct));
        while (true)
        {
            var waiting = await CountWaitingAsync(client);
            Console.Error.WriteLine($"  {waiting} waiting after {clock.Elapsed.TotalSeconds:0.0} s");
            if (waiting == count || clock.Elapsed > budget)
            {
                return (waiting, clock.Elapsed);
            }

            // Counting reads every instance: poll seldom, or the count would be what loads the store.
            await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, count / 1000)));
        }
    }

    private static async Task<int> CountWaitingAsync(DurableTaskClient client)
    {
        var waiting = 0;
        var query = new OrchestrationQuery { Statuses = [OrchestrationRuntimeStatus.Running], PageSize = 1000, FetchInputsAndOutputs = true };
        await foreach (var instance in client.GetAllInstancesAsync(query))
        {
            waiting += instance.SerializedCustomStatus?.Contains(BenchmarkTasks.Waiting, StringComparison.Ordinal) == true ? 1 : 0;
        }

        return waiting;
    }

    private static async Task<OrchestrationMetadata> CompleteAsync(DurableTaskClient client, string id)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var done = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
        return done.RuntimeStatus == OrchestrationRuntimeStatus.Completed
            ? done
            : throw new InvalidOperationException($"{id} ended {done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
    }
}
