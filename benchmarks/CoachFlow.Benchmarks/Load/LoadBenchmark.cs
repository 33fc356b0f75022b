using System.Diagnostics;
using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// <c>load</c>: the local host under intake load, next to raw Azure.Data.Tables inserts on an Azurite of
/// their own (measured before the app starts, so nothing of the app runs meanwhile); then what one
/// engagement costs in storage calls from intake to <c>Contracted</c>, and how many complete per minute.
/// </summary>
internal static class LoadBenchmark
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan IdleWindow = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(15);

    // An idle engine polls its queues and renews its leases: a few calls a second at the Development profile's 2 s.
    private static readonly TimeSpan QuietWindow = TimeSpan.FromSeconds(3);
    private const int QuietCalls = 30;

    public static async Task<int> RunAsync(LoadArguments options, string repositoryRoot)
    {
        await using var rawAzurite = await OwnAzurite.StartAsync(repositoryRoot);
        await using var appAzurite = await OwnAzurite.StartAsync(repositoryRoot);

        Console.Error.WriteLine("raw inserts");
        var raw = await RawInserts.CreateAsync(rawAzurite.ConnectionString);
        await ClosedLoop.RunAsync(8, WarmUp, raw.InsertAsync);
        var rawResults = new List<LoadResult>();
        foreach (var clients in options.Clients)
        {
            rawResults.Add(await ClosedLoop.RunAsync(clients, options.Duration, raw.InsertAsync));
        }

        await using var app = AppUnderLoad.Start(appAzurite.ConnectionString, repositoryRoot);
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromMinutes(1) };
        var accepted = 0L;
        async Task<bool> IntakeAsync(long n)
        {
            var ok = await Intakes.PostAsync(http, n) is not null;
            if (ok)
            {
                Interlocked.Increment(ref accepted);
            }

            return ok;
        }

        Console.Error.WriteLine("intakes");
        await ClosedLoop.RunAsync(1, WarmUp, n => IntakeAsync(99_000_000L + n));
        await CatchUpAsync(app, Interlocked.Read(ref accepted));
        var intakeResults = new List<(LoadResult Result, TimeSpan CatchUp, double Calls, double CpuMs)>();
        foreach (var clients in options.Clients)
        {
            var calls = app.AppCalls.Calls + app.EngineCalls.Calls;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;

            // Numbers of the form clients·10⁶ + n keep every run's addresses apart.
            var result = await ClosedLoop.RunAsync(clients, options.Duration, n => IntakeAsync((clients * 1_000_000L) + n));
            var catchUp = await CatchUpAsync(app, Interlocked.Read(ref accepted));
            intakeResults.Add((
                result,
                catchUp,
                (app.AppCalls.Calls + app.EngineCalls.Calls - calls) / (double)result.Succeeded,
                (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / result.Succeeded));
        }

        Console.Error.WriteLine("storage calls per engagement");
        var engagements = new TableServiceClient(appAzurite.ConnectionString).GetTableClient(TableName.Engagements);
        var clicks = new EngagementClicks(http, app.Emails, engagements);
        var idleEngineCallsPerSecond = await IdleEngineCallsAsync(app);
        var before = Snapshot(app);
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < options.Counted; n++)
        {
            await DriveAsync(clicks, 90_000_000L + n);
        }

        var alone = Difference(Snapshot(app), before);
        var aloneSeconds = clock.Elapsed.TotalSeconds;

        Console.Error.WriteLine("engagements end to end");
        before = Snapshot(app);
        clock.Restart();
        var next = 0L;
        var durations = new List<double>();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.Parallel), async (_, _) =>
        {
            for (var n = Interlocked.Increment(ref next); n <= options.Engagements; n = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                await DriveAsync(clicks, 91_000_000L + n);
                lock (durations)
                {
                    durations.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                }
            }
        });
        var together = Difference(Snapshot(app), before);
        var togetherMinutes = clock.Elapsed.TotalMinutes;

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"On {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {options.Duration.TotalSeconds:0} s per concurrency; raw inserts and the app each on an Azurite of their own, in memory:")
            .AppendLine()
            .AppendLine("| clients | raw inserts/s | raw p50 / p99, ms | intakes accepted/s | intake p50 / p99, ms | failed | accepted ÷ raw | workflows caught up after | per intake, to triage: storage calls, CPU ms |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|");
        for (var i = 0; i < options.Clients.Count; i++)
        {
            var (r, (a, catchUp, calls, cpuMs)) = (rawResults[i], intakeResults[i]);
            report.AppendLine(CultureInfo.InvariantCulture, $"| {a.Clients} | {r.PerSecond:0} | {r.P50Ms:0.0} / {r.P99Ms:0.0} | {a.PerSecond:0.0} | {a.P50Ms:0.0} / {a.P99Ms:0.0} | {a.Failed} | {a.PerSecond / r.PerSecond:0.00} | {catchUp.TotalSeconds:0} s | {calls:0} / {cpuMs:0} |");
        }

        var idleShare = idleEngineCallsPerSecond * aloneSeconds;
        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Storage calls per engagement, intake to Contracted (the idle engine's {idleEngineCallsPerSecond:0.0} calls/s taken out of the one-at-a-time column):")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"| calls | {options.Counted} one at a time | {options.Engagements}, {options.Parallel} at a time |")
            .AppendLine("|---|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| CoachFlow's tables | {alone.App.Values.Sum() / (double)options.Counted:0.0} | {together.App.Values.Sum() / (double)options.Engagements:0.0} |");
        foreach (var table in alone.App.Keys.Union(together.App.Keys).Order(StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| &nbsp;&nbsp;{table} | {alone.App.GetValueOrDefault(table) / (double)options.Counted:0.0} | {together.App.GetValueOrDefault(table) / (double)options.Engagements:0.0} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| task hub | {(alone.Engine.Values.Sum() - idleShare) / options.Counted:0.0} | {together.Engine.Values.Sum() / (double)options.Engagements:0.0} |");
        foreach (var resource in alone.Engine.Keys.Union(together.Engine.Keys).Order(StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| &nbsp;&nbsp;{resource} | {alone.Engine.GetValueOrDefault(resource) / (double)options.Counted:0.0} | {together.Engine.GetValueOrDefault(resource) / (double)options.Engagements:0.0} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| all | {(alone.App.Values.Sum() + alone.Engine.Values.Sum() - idleShare) / options.Counted:0.0} | {(together.App.Values.Sum() + together.Engine.Values.Sum()) / (double)options.Engagements:0.0} |")
            .AppendLine()
            .AppendLine("| engagements | at a time | minutes | completed per minute | one engagement, s (p50 / max) |")
            .AppendLine("|---|---|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| {options.Engagements} | {options.Parallel} | {togetherMinutes:0.00} | {options.Engagements / togetherMinutes:0.0} | {Measure.Median(durations):0.0} / {durations.Max():0.0} |");
        Console.WriteLine(report);
        return 0;
    }

    private static async Task DriveAsync(EngagementClicks clicks, long n)
    {
        using var timeout = new CancellationTokenSource(Patience);
        if (!await clicks.RunAsync(n, timeout.Token))
        {
            throw new InvalidOperationException($"Engagement {n} was refused a step on its way to Contracted.");
        }
    }

    /// <summary>
    /// Waits until every accepted intake's workflow has sent the coach's enquiry email and the engine has gone
    /// quiet again (its last steps after that email are done); how long that took.
    /// </summary>
    private static async Task<TimeSpan> CatchUpAsync(AppUnderLoad app, long accepted)
    {
        var clock = Stopwatch.StartNew();
        while (app.Emails.Count(e => e.Subject.StartsWith("New enquiry", StringComparison.Ordinal)) < accepted)
        {
            CheckPatience(clock, accepted);
            await Task.Delay(250);
        }

        while (true)
        {
            var before = app.EngineCalls.Calls;
            await Task.Delay(QuietWindow);
            if (app.EngineCalls.Calls - before <= QuietCalls)
            {
                return clock.Elapsed - QuietWindow;
            }

            CheckPatience(clock, accepted);
        }
    }

    private static void CheckPatience(Stopwatch clock, long accepted)
    {
        if (clock.Elapsed > Patience)
        {
            throw new TimeoutException($"The workflows of {accepted} intakes had not all reached triage after {Patience.TotalMinutes:0} minutes.");
        }
    }

    private static async Task<double> IdleEngineCallsAsync(AppUnderLoad app)
    {
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = app.EngineCalls.Calls;
        await Task.Delay(IdleWindow);
        return (app.EngineCalls.Calls - before) / IdleWindow.TotalSeconds;
    }

    private static (IReadOnlyDictionary<string, long> App, IReadOnlyDictionary<string, long> Engine) Snapshot(AppUnderLoad app) =>
        (app.AppCalls.ByResource(), app.EngineCalls.ByResource());

    private static (Dictionary<string, long> App, Dictionary<string, long> Engine) Difference(
        (IReadOnlyDictionary<string, long> App, IReadOnlyDictionary<string, long> Engine) after,
        (IReadOnlyDictionary<string, long> App, IReadOnlyDictionary<string, long> Engine) before) =>
        (Minus(after.App, before.App), Minus(after.Engine, before.Engine));

    private static Dictionary<string, long> Minus(IReadOnlyDictionary<string, long> after, IReadOnlyDictionary<string, long> before) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);
}
