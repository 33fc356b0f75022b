using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoachFlow.Infrastructure.DevelopmentStorage;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// An Azurite of one test's own, on free ports and with its data on disk, that the test may stop and start again
/// (the shared one serves every other test and must never go down).
/// </summary>
public sealed class PrivateAzurite : IAsyncDisposable
{
    private const string Account = "devstoreaccount1";
    private const string Key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("coachflow-azurite-");
    private readonly int _blob = FreePort();
    private readonly int _queue = FreePort();
    private readonly int _table = FreePort();
    private Process? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={Key};" +
        $"BlobEndpoint=http://127.0.0.1:{_blob}/{Account};QueueEndpoint=http://127.0.0.1:{_queue}/{Account};TableEndpoint=http://127.0.0.1:{_table}/{Account};";

    public static async Task<PrivateAzurite> StartAsync()
    {
        var azurite = new PrivateAzurite();
        await azurite.RestartAsync();
        return azurite;
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            // Asked to stop, as an operator would: Azurite writes its data to disk on the way out, so a restart finds it.
            using (var interrupt = Process.Start("kill", ["-INT", $"{_process.Id}"]))
            {
                await interrupt.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await _process.WaitForExitAsync(patience.Token);
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>Starts it on the same ports and data as before.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = AzuriteFixture.RepositoryRoot, UseShellExecute = false };
        foreach (var argument in new[]
        {
            Path.Combine(AzuriteFixture.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js"),
            "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--location", _data.FullName,
            "--blobPort", $"{_blob}", "--queuePort", $"{_queue}", "--tablePort", $"{_table}",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        for (var waited = 0; !await EmulatorConnection.AnswersAsync(_table, CancellationToken.None); waited++)
        {
            Assert.True(waited < 120, "the private Azurite did not start within 60 s");
            await Task.Delay(500);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _data.Delete(recursive: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
