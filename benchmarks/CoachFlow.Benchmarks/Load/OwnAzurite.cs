using System.Net;
using System.Net.Sockets;
using CoachFlow.Infrastructure.DevelopmentStorage;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// An Azurite of the benchmark's own, in memory, on free loopback ports: what one side of the load
/// benchmark does never queues behind the other side's requests, nor behind the tests' shared Azurite.
/// </summary>
internal sealed class OwnAzurite : IAsyncDisposable
{
    // Azurite's well-known development account; it is public and only ever used on loopback.
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly AzuriteProcess _process;

    private OwnAzurite(AzuriteProcess process, string connectionString)
    {
        _process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<OwnAzurite> StartAsync(string repositoryRoot)
    {
        var (blob, queue, table) = FreePorts();
        var settings = new AzuriteSettings(repositoryRoot, table, Path.Combine(repositoryRoot, ".azurite", "load"), InMemory: true, BlobPort: blob, QueuePort: queue);
        var process = await AzuriteProcess.EnsureRunningAsync(settings, NullLogger.Instance, CancellationToken.None);
        if (!process.Started)
        {
            throw new InvalidOperationException($"Something else already answers on port {table}; the benchmark needs an Azurite of its own.");
        }

        var connectionString = $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{Account};QueueEndpoint=http://127.0.0.1:{queue}/{Account};TableEndpoint=http://127.0.0.1:{table}/{Account};";
        return new OwnAzurite(process, connectionString);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    // All three held open at once, so the system cannot hand out one port twice.
    private static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            var ports = listeners.Select(l =>
            {
                l.Start();
                return ((IPEndPoint)l.LocalEndpoint).Port;
            }).ToArray();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Dispose();
            }
        }
    }
}
