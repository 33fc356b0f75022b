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
internal sealed class DurableTaskSidecar(DurableTaskEngine engine, SidecarEndpoint endpoint, ILoggerFactory loggers) : IHostedService, IAsyncDisposable
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
        if (_server is not null)
        {
            await _server.StopAsync(cancellationToken).ConfigureAwait(false);
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
}
