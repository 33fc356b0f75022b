using System.Net;
using DurableTask.Core;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;

namespace CoachFlow.LocalHost.Engine;

/// <summary>
/// The Durable Task sidecar inside the local host: the SDK's own <see cref="TaskHubGrpcServer"/> over
/// the configured orchestration service, on a loopback HTTP/2 port of its own. The Durable Task worker
/// and client of this host talk to it over gRPC, exactly as the Functions worker talks to the
/// Functions host. It starts before the worker connects and stops after the worker has gone.
/// </summary>
internal sealed partial class DurableTaskSidecar(DurableTaskEngine engine, SidecarEndpoint endpoint, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private WebApplication? _server;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Creates the task hub's tables, queues and containers, so the first request finds them.
        await engine.Provider.CreateIfNotExistsAsync().ConfigureAwait(false);
        await engine.Provider.StartAsync().ConfigureAwait(false);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DurableTaskSidecar).FullName });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton<ILoggerFactory>(new SidecarLoggerFactory(loggers));
        builder.Services.AddSingleton<IHostLifetime, SidecarHostLifetime>();
        builder.Services.AddRoutingCore();
        builder.Services.AddGrpc();
        builder.Services.AddOptions<TaskHubGrpcServerOptions>();
        builder.Services.AddSingleton(engine.ForSidecar);
        builder.Services.AddSingleton(engine.Client);
        builder.Services.AddSingleton<PingingTaskHubGrpcServer>();

        _server = builder.Build();
        _server.MapGrpcService<PingingTaskHubGrpcServer>();
        await _server.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dispatchers stop with the server; then the provider stops, releasing its partition leases.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            return;
        }

        await _server.StopAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await engine.Provider.StopAsync().ConfigureAwait(false);
        }
        catch (NullReferenceException e)
        {
            // DurableTask.AzureStorage 2.11.2's AppLeaseManager.StopAsync, now and then, finds its starter
            // token already cleared between cancelling and disposing it (AppLeaseManager.cs:235) and throws
            // before it stops the partition manager. The rest of its stop is idempotent, so a second call
            // lets go of the partitions instead of leaving them renewed by a stopped host.
            Log.ProviderStopRetried(loggers.CreateLogger<DurableTaskSidecar>(), e);
            await engine.Provider.StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1300, Level = LogLevel.Warning, Message = "The orchestration service failed to stop; stopping it again to release its partitions")]
        public static partial void ProviderStopRetried(ILogger logger, Exception exception);
    }
}
