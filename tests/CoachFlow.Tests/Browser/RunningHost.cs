using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Browser;

/// <summary>
/// The real local host (Kestrel, the Development dev clock, the local workflow runtime) started as a
/// process on a free port, as a person would run it, with its own tables in the shared Azurite.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly Process _process;

    private RunningHost(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    public static async Task<RunningHost> StartAsync()
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "CoachFlow.LocalHost.dll"),
                "--urls", baseUrl.ToString().TrimEnd('/'),
                "--contentRoot", Path.Combine(AzuriteFixture.RepositoryRoot, "src", "LocalHost"),
            },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["CoachFlow__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/'),
                ["CoachFlow__Storage__TablePrefix"] = AzuriteFixture.UniqueTablePrefix(),
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new RunningHost(process, baseUrl);
        using var http = new HttpClient { BaseAddress = baseUrl };
        for (var attempt = 0; attempt < 120; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with {process.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        await host.DisposeAsync();
        throw new TimeoutException("The local host did not answer within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
