using System.Globalization;
using System.Text;
using CoachFlow.Benchmarks;
using CoachFlow.Benchmarks.Load;
using CoachFlow.Infrastructure.DevelopmentStorage;
using CoachFlow.LocalHost.Engine;
using Microsoft.Extensions.Logging.Abstractions;

// The local host's Durable Task engine, measured on both of its providers in one run:
//   dotnet run -c Release --project benchmarks/CoachFlow.Benchmarks -- [--waiting 1000,10000]
//     [--activities 100] [--events 300] [--timers 20] [--poll 00:00:05] [--budget 00:15:00]
// or the whole local host under load, next to raw Table Storage inserts:
//   dotnet run -c Release --project benchmarks/CoachFlow.Benchmarks -- load [--clients 1,8,32]
//     [--duration 00:00:10] [--counted 3] [--engagements 32] [--parallel 16]
// Each prints a Markdown report (docs/durable-engine.md and docs/load.md keep the latest ones).
var root = AzuriteSettings.FindRepositoryRoot(AppContext.BaseDirectory)
    ?? throw new InvalidOperationException("Run from inside the CoachFlow repository.");
if (args is ["load", .. var loadArgs])
{
    return await LoadBenchmark.RunAsync(LoadArguments.Parse(loadArgs), root);
}

var options = Arguments.Parse(args);
await using var azurite = await AzuriteProcess.EnsureRunningAsync(
    new AzuriteSettings(root, EmulatorConnection.DefaultTablePort, Path.Combine(root, ".azurite", "bench"), InMemory: true), NullLogger.Instance, CancellationToken.None);

var report = new StringBuilder();
var rows = new List<string[]>();
foreach (var backend in new[] { EngineBackend.AzureStorage, EngineBackend.InMemory })
{
    Console.Error.WriteLine($"{backend}: throughput, timers and idle cost");
    await using (var engine = await EngineUnderTest.StartAsync(backend, options.Poll))
    {
        var activities = await Scenarios.SequentialActivitiesAsync(engine.Client, options.Activities);
        var events = await Scenarios.ExternalEventsAsync(engine.Client, options.Events);
        var lateness = await Scenarios.TimerLatenessAsync(engine.Client, options.Timers);
        var idle = backend == EngineBackend.AzureStorage ? await Scenarios.IdleStorageCallsAsync(engine, TimeSpan.FromSeconds(60)) : 0;
        rows.Add(
        [
            backend.ToString(),
            activities.ToString("0.0", CultureInfo.InvariantCulture),
            events.ToString("0.0", CultureInfo.InvariantCulture),
            string.Create(CultureInfo.InvariantCulture, $"{lateness.Min():0} / {Measure.Median(lateness):0} / {Measure.Percentile(lateness, 95):0} / {lateness.Max():0}"),
            backend == EngineBackend.AzureStorage ? idle.ToString("0.00", CultureInfo.InvariantCulture) : "n/a",
        ]);
    }
}

report.AppendLine(CultureInfo.InvariantCulture, $"Per instance, on {Environment.ProcessorCount} cores, polling at most every {options.Poll.TotalSeconds:0} s, {DateTime.UtcNow:yyyy-MM-dd}:")
    .AppendLine()
    .AppendLine("| provider | sequential activities/s | external events/s | timer lateness, ms (min / p50 / p95 / max) | idle storage calls/s |")
    .AppendLine("|---|---|---|---|---|");
foreach (var row in rows)
{
    report.AppendLine(CultureInfo.InvariantCulture, $"| {string.Join(" | ", row)} |");
}

report.AppendLine("| Durable Functions, published per-instance target | 5 | 50 | | |")
    .AppendLine()
    .AppendLine("| provider | waiting instances | time until all wait | managed heap, MiB: before → waiting | resident set, MiB: before → waiting |")
    .AppendLine("|---|---|---|---|---|");
foreach (var count in options.Waiting)
{
    foreach (var backend in new[] { EngineBackend.AzureStorage, EngineBackend.InMemory })
    {
        Console.Error.WriteLine($"{backend}: {count} waiting instances");
        await using var engine = await EngineUnderTest.StartAsync(backend, options.Poll);
        var before = Measure.Memory();
        var (waiting, elapsed) = await Scenarios.StartWaitingAsync(engine.Client, count, options.Budget);
        var after = Measure.Memory();
        var settled = waiting == count ? $"{elapsed.TotalSeconds:0.0} s" : $"{waiting:N0} waiting after {elapsed.TotalMinutes:0} min";
        report.AppendLine(CultureInfo.InvariantCulture, $"| {backend} | {count:N0} | {settled} | {before.HeapMiB:0.0} → {after.HeapMiB:0.0} | {before.ResidentMiB:0} → {after.ResidentMiB:0} |");
    }
}

Console.WriteLine(report);
return 0;
