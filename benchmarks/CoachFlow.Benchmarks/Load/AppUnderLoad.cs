using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using CoachFlow.LocalHost.Engine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// The local host's own <c>Program</c> in its Development profile, served by Kestrel on a loopback port
/// (real HTTP over sockets), over an Azurite of its own. What changes for the benchmark: the coach is
/// free all week (so hundreds of engagements can each book a slot), no reminder falls due during a run
/// (the session's an hour before it, every other an hour after its wait began), every storage call is counted (CoachFlow's tables apart
/// from the task hub's), and each email is also kept in memory for the clients to click.
/// </summary>
/// <remarks>
/// Named by one of the local host's types rather than its <c>Program</c>, which this benchmark's own top-level
/// <c>Program</c> hides: the factory only needs a type of the assembly whose entry point it runs.
/// </remarks>
internal sealed class AppUnderLoad : WebApplicationFactory<DurableTaskEngine>
{
    public const string TaskHub = "loadbench";
    public const string CoachEmail = "sam@coach.example";

    private readonly string _connectionString;
    private readonly string _contentRoot;

    private AppUnderLoad(string connectionString, string repositoryRoot, int port)
    {
        _connectionString = connectionString;
        _contentRoot = Path.Combine(repositoryRoot, "src", "LocalHost");
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public Uri BaseAddress { get; }

    /// <summary>Calls to CoachFlow's own tables (engagements, timeline, reservations, idempotency keys, the dev outbox).</summary>
    public StorageCallCounter AppCalls { get; } = new();

    /// <summary>Calls of the Durable Task engine's provider: the task hub's tables, queues and blobs.</summary>
    public StorageCallCounter EngineCalls { get; } = new();

    public CapturedEmails Emails => Services.GetRequiredService<CapturedEmails>();

    public static AppUnderLoad Start(string connectionString, string repositoryRoot)
    {
        var app = new AppUnderLoad(connectionString, repositoryRoot, FreePort());
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Where its appsettings.Development.json (the sample coach) lives; the factory's own guess misses it when serving on Kestrel.
        builder.UseContentRoot(_contentRoot);
        builder.UseEnvironment("Development");
        foreach (var (key, value) in Settings())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            // The app's log lines go to stderr, so stdout is the report alone.
            services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);

            services.RemoveAll<TableServiceClient>();
            services.AddSingleton(_ => new TableServiceClient(_connectionString, Counted(new TableClientOptions(), AppCalls)));

            services.RemoveAll<DurableTaskEngine>();
            services.AddSingleton(sp => DurableTaskEngine.Create(
                sp.GetRequiredService<IOptions<EngineOptions>>().Value,
                sp.GetRequiredService<IOptions<CoachFlowOptions>>().Value.Workflow.TaskHub,
                _connectionString,
                sp.GetRequiredService<ILoggerFactory>(),
                EngineCalls));

            var sender = services.Last(s => s.ServiceType == typeof(IEmailSender));
            services.Remove(sender);
            services.AddSingleton(sp => new CapturedEmails((IEmailSender)sender.ImplementationFactory!(sp)));
            services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<CapturedEmails>());
        });
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["CoachFlow:PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
            ["CoachFlow:Storage:ConnectionString"] = _connectionString,
            ["CoachFlow:Workflow:TaskHub"] = TaskHub,
            ["CoachFlow:Engine:WorkerId"] = "load-benchmark",
            ["CoachFlow:Coach:ChemistryLength"] = "00:30:00",
            ["CoachFlow:Coach:Buffer"] = "00:00:00",
            ["CoachFlow:Durations:SessionReminderBefore"] = "01:00:00",

            // Every client of the benchmark is one loopback address: per-address rate limits (CoachFlow:RateLimits) would
            // answer most of them 429, and the benchmark would measure the limiter instead of the app.
            ["CoachFlow:RateLimits:IntakePerMinute"] = "1000000",
            ["CoachFlow:RateLimits:LinkPostsPerMinute"] = "1000000",
        };

        // The clicks never wait for a deadline, and no reminder of the intakes sent earlier in the run may fire into a
        // later measurement (the Development profile's reminders come after two minutes).
        foreach (var wait in new[] { "Triage", "Booking", "Decision", "Agreement" })
        {
            settings[$"CoachFlow:Durations:{wait}Reminder"] = "01:00:00";
            settings[$"CoachFlow:Durations:{wait}Timeout"] = "02:00:00";
        }
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var window = $"CoachFlow:Coach:WeeklyAvailability:{(int)day}";
            settings[$"{window}:Day"] = day.ToString();
            settings[$"{window}:Start"] = "00:00";
            settings[$"{window}:End"] = "23:30";
        }

        return settings;
    }

    private static T Counted<T>(T options, HttpPipelinePolicy counter)
        where T : ClientOptions
    {
        options.AddPolicy(counter, HttpPipelinePosition.PerRetry);
        return options;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
