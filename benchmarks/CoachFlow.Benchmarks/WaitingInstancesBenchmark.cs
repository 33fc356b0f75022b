using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using CoachFlow.Domain.Workflow;
using CoachFlow.Infrastructure.DevelopmentStorage;
using CoachFlow.LocalHost.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CoachFlow.Benchmarks;

/// <summary>
/// Starts N instances that each wait for an event under a seven-day deadline (the lifecycle's
/// usual shape), measures the process while they all wait, then answers them all.
/// </summary>
internal static class WaitingInstancesBenchmark
{
    public static async Task<int> RunAsync(int count)
    {
        var root = AzuriteSettings.FindRepositoryRoot(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("Run from inside the CoachFlow repository.");
        await using var azurite = await AzuriteProcess.EnsureRunningAsync(
            new AzuriteSettings(root, EmulatorConnection.DefaultTablePort, Path.Combine(root, ".azurite", "bench"), InMemory: true),
            NullLogger.Instance,
            CancellationToken.None);

        var table = new TableServiceClient("UseDevelopmentStorage=true").GetTableClient("bench" + Guid.NewGuid().ToString("N")[..12]);
        var registry = new WorkflowRegistry().AddOrchestrator<int, int>("Wait", async (ctx, n) =>
        {
            var outcome = await ctx.WaitForEventAsync<int>("Go", ctx.CurrentUtcDateTime.AddDays(7));
            return outcome.TimedOut ? -1 : n + outcome.Value;
        });
        var runtime = new LocalWorkflowRuntime(
            new WorkflowStore(table), registry, new FakeTimeProvider(), new ServiceCollection().BuildServiceProvider(),
            Options.Create(new WorkflowRuntimeOptions()), NullLogger<LocalWorkflowRuntime>.Instance);
        await runtime.StartAsync(CancellationToken.None);

        try
        {
            var baseline = Measure();
            var ids = Enumerable.Range(0, count).Select(i => $"bench-{i:D6}").ToList();
            var clock = Stopwatch.StartNew();
            await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (x, ct) => await runtime.ScheduleNewOrchestrationInstanceAsync("Wait", x.i, x.id, ct));
            await runtime.WhenIdleAsync(TimeSpan.FromMinutes(10));
            var started = clock.Elapsed;
            var waiting = Measure();

            clock.Restart();
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 },
                async (id, ct) => await runtime.RaiseEventAsync(id, "Go", 1, ct));
            await runtime.WhenIdleAsync(TimeSpan.FromMinutes(10));
            var answered = clock.Elapsed;
            var done = Measure();

            var completed = 0;
            await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
            {
                if ((await runtime.GetInstanceAsync(id, ct))?.RuntimeStatus == WorkflowRuntimeStatus.Completed)
                {
                    Interlocked.Increment(ref completed);
                }
            });

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                | phase | managed heap (MB) | working set (MB) | in-memory instances | elapsed |
                |---|---|---|---|---|
                | baseline (runtime started) | {baseline.HeapMb:F1} | {baseline.WorkingSetMb:F1} | 0 | |
                | {count} instances waiting | {waiting.HeapMb:F1} | {waiting.WorkingSetMb:F1} | {runtime.InstancesInMemory} | {started.TotalSeconds:F1} s to start all |
                | all answered | {done.HeapMb:F1} | {done.WorkingSetMb:F1} | {runtime.InstancesInMemory} | {answered.TotalSeconds:F1} s to deliver all |

                completed: {completed} of {count}; managed heap per waiting instance: {(waiting.HeapMb - baseline.HeapMb) * 1024 / count:F2} KB
                """));
            return completed == count ? 0 : 1;
        }
        finally
        {
            await runtime.DisposeAsync();
            await table.DeleteAsync();
        }
    }

    private static (double HeapMb, double WorkingSetMb) Measure()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap / 1048576.0, process.WorkingSet64 / 1048576.0);
    }
}
