using System.Diagnostics;
using System.Globalization;
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
        var intakeRuns = new List<IntakeRun>();
        foreach (var clients in options.Clients)
        {
            var calls = app.AppCalls.Calls + app.EngineCalls.Calls;
            var (appCalls, appWaited) = (app.AppCalls.Calls, app.AppCalls.Waited);
            var cpu = CpuTime();

            // Numbers of the form clients·10⁶ + n keep every run's addresses apart.
            var result = await ClosedLoop.RunAsync(clients, options.Duration, n => IntakeAsync((clients * 1_000_000L) + n));
            var appCallMs = (app.AppCalls.Waited - appWaited).TotalMilliseconds / (app.AppCalls.Calls - appCalls);
            var catchUp = await CatchUpAsync(app, Interlocked.Read(ref accepted));
            intakeRuns.Add(new IntakeRun(result, catchUp, (app.AppCalls.Calls + app.EngineCalls.Calls - calls) / (double)result.Succeeded, (CpuTime() - cpu).TotalMilliseconds / result.Succeeded, appCallMs));
        }

        var clicks = new EngagementClicks(http, app.Emails, new TableServiceClient(appAzurite.ConnectionString).GetTableClient(TableName.Engagements));
        EngagementCalls? alone = null, together = null;
        var idlePerSecond = options.Counted + options.Engagements > 0 ? await IdleEngineCallsAsync(app) : 0;
        if (options.Counted > 0)
        {
            Console.Error.WriteLine("storage calls per engagement");
            alone = await CountAsync(app, options.Counted, async () =>
            {
                for (var n = 0; n < options.Counted; n++)
                {
                    await DriveAsync(clicks, 90_000_000L + n);
                }
            });
        }

        EndToEnd? endToEnd = null;
        if (options.Engagements > 0)
        {
            Console.Error.WriteLine("engagements end to end");
            var seconds = new List<double>();
            var clock = Stopwatch.StartNew();
            var next = 0L;
            together = await CountAsync(app, options.Engagements, () => Parallel.ForEachAsync(Enumerable.Range(0, options.Parallel), async (_, _) =>
            {
                for (var n = Interlocked.Increment(ref next); n <= options.Engagements; n = Interlocked.Increment(ref next))
                {
                    var started = Stopwatch.GetTimestamp();
                    await DriveAsync(clicks, 91_000_000L + n);
                    lock (seconds)
                    {
                        seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                    }
                }
            }));
            endToEnd = new EndToEnd(options.Engagements, options.Parallel, clock.Elapsed, seconds);
        }

        Console.WriteLine(LoadReport.Render(options, rawResults, intakeRuns, idlePerSecond, alone, together, endToEnd));
        return 0;
    }

    /// <summary>The storage calls made while <paramref name="drive"/> ran.</summary>
    private static async Task<EngagementCalls> CountAsync(AppUnderLoad app, int engagements, Func<Task> drive)
    {
        var (appBefore, engineBefore) = (app.AppCalls.ByResource(), app.EngineCalls.ByResource());
        await drive();
        return new EngagementCalls(engagements, Minus(app.AppCalls.ByResource(), appBefore), Minus(app.EngineCalls.ByResource(), engineBefore));
    }

    private static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
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

    private static Dictionary<string, long> Minus(IReadOnlyDictionary<string, long> after, IReadOnlyDictionary<string, long> before) =>
        after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);
}
