using CoachFlow.Infrastructure.Configuration;
using CoachFlow.LocalHost.Engine;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachFlow.Benchmarks;

/// <summary>
/// The local host's engine, built by the local host's own <c>AddLocalEngine</c> (sidecar, provider,
/// gRPC worker and client), running <see cref="BenchmarkTasks"/> on a fresh task hub.
/// </summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    private readonly IHost _host;

    private EngineUnderTest(IHost host, StorageCallCounter counter)
    {
        _host = host;
        StorageCalls = counter;
    }

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public StorageCallCounter StorageCalls { get; }

    public static async Task<EngineUnderTest> StartAsync(EngineBackend backend, TimeSpan pollingInterval)
    {
        var settings = new Dictionary<string, string?>
        {
            ["CoachFlow:Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["CoachFlow:Workflow:TaskHub"] = "bench" + Guid.NewGuid().ToString("N")[..10],
            ["CoachFlow:Engine:Backend"] = backend.ToString(),
            ["CoachFlow:Engine:MaxQueuePollingInterval"] = pollingInterval.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            ["CoachFlow:Engine:WorkerId"] = "benchmark",
        };
        var builder = Host.CreateApplicationBuilder();
        // Errors go to stderr, so stdout is the report alone.
        builder.Logging.ClearProviders().AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Error);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddOptions<CoachFlowOptions>().Bind(builder.Configuration.GetSection(CoachFlowOptions.SectionName));
        var counter = new StorageCallCounter();
        builder.Services.AddSingleton(sp =>
        {
            var coachFlow = sp.GetRequiredService<IOptions<CoachFlowOptions>>().Value;
            return DurableTaskEngine.Create(
                sp.GetRequiredService<IOptions<EngineOptions>>().Value, coachFlow.Workflow.TaskHub, coachFlow.Storage.ConnectionString, sp.GetRequiredService<ILoggerFactory>(), counter);
        });
        builder.Services.AddLocalEngine(builder.Configuration, BenchmarkTasks.Register);
        var host = builder.Build();
        await host.StartAsync();
        return new EngineUnderTest(host, counter);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
