using DurableTask.Core;
using Grpc.Core;
using Microsoft.DurableTask.Protobuf;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost.Engine;

/// <summary>
/// The sidecar's gRPC service, with the health pings the 1.28 worker expects on its work-item
/// stream. Without them the worker takes a quiet stream for a dead one every two minutes, logs a
/// warning and reconnects. Pings share the stream with work items, so writes are serialized.
/// </summary>
internal sealed class PingingTaskHubGrpcServer(
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggers,
    IOrchestrationService service,
    IOrchestrationServiceClient client,
    IOptions<TaskHubGrpcServerOptions> options)
    : TaskHubGrpcServer(lifetime, loggers, service, client, options)
{
    /// <summary>Well inside the worker's two-minute silence limit.</summary>
    public static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(30);

    public override async Task GetWorkItems(GetWorkItemsRequest request, IServerStreamWriter<WorkItem> responseStream, ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var stream = new SerializedStreamWriter(responseStream);
        using var stopPinging = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var pinging = PingAsync(stream, stopPinging.Token);
        try
        {
            await base.GetWorkItems(request, stream, context).ConfigureAwait(false);
        }
        finally
        {
            await stopPinging.CancelAsync().ConfigureAwait(false);
            await pinging.ConfigureAwait(false);
        }
    }

    private static async Task PingAsync(SerializedStreamWriter stream, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await stream.WriteAsync(new WorkItem { HealthPing = new HealthPing() }).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // The worker disconnected or the host is stopping.
        }
        catch (InvalidOperationException)
        {
            // The stream completed between two pings.
        }
    }

    private sealed class SerializedStreamWriter(IServerStreamWriter<WorkItem> inner) : IServerStreamWriter<WorkItem>, IDisposable
    {
        private readonly SemaphoreSlim _gate = new(1, 1);

        public WriteOptions? WriteOptions
        {
            get => inner.WriteOptions;
            set => inner.WriteOptions = value;
        }

        public async Task WriteAsync(WorkItem message)
        {
            await _gate.WaitAsync().ConfigureAwait(false);
            try
            {
                await inner.WriteAsync(message).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();
    }
}
