using CoachFlow.Infrastructure.Configuration;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost.Engine;

public static class EngineServiceCollectionExtensions
{
    /// <summary>
    /// The real Durable Task engine inside this process: the sidecar over the configured provider, and
    /// the SDK's gRPC worker (running the orchestrators and activities <paramref name="tasks"/> registers)
    /// and client (as <see cref="DurableTaskClient"/>), both connected to it over loopback.
    /// </summary>
    public static IServiceCollection AddLocalEngine(this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry> tasks)
    {
        services.AddOptions<EngineOptions>().Bind(configuration.GetSection(EngineOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EngineOptions>, EngineOptionsValidator>();
        // TryAdd: a host that builds its own engine (the benchmark) registers it first.
        services.TryAddSingleton(sp =>
        {
            var coachFlow = sp.GetRequiredService<IOptions<CoachFlowOptions>>().Value;
            return DurableTaskEngine.Create(
                sp.GetRequiredService<IOptions<EngineOptions>>().Value, coachFlow.Workflow.TaskHub, coachFlow.Storage.ConnectionString, sp.GetRequiredService<ILoggerFactory>());
        });

        var endpoint = SidecarEndpoint.OnFreeLoopbackPort();
        services.AddSingleton(_ => endpoint);

        // Registered before the worker, so the sidecar listens before the worker connects and stops after it.
        services.AddHostedService<DurableTaskSidecar>();
        services.AddDurableTaskWorker(worker => worker
            .AddTasks(tasks)
            .UseGrpc(endpoint.Channel));
        services.AddDurableTaskClient(client => client
            .UseGrpc(endpoint.Channel)
            .RegisterDirectly());
        services.AddOptions<DurableTaskClientOptions>()
            .Configure<IOptions<EngineOptions>>((client, engine) => client.DefaultVersion = engine.Value.DefaultVersion);
        return services;
    }
}
