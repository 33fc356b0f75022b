using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Browser;

/// <summary>
/// The real local host (Kestrel, the Durable Task engine on Azurite) started as a process on a free
/// port, as a person would run it, with its own tables and task hub in the shared Azurite. It can be
/// killed (SIGKILL, nothing flushed or released) and started again with the same settings.
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly Dictionary<string, string> _environment;
    private Process _process = null!;

    private RunningHost(Uri baseUrl, Dictionary<string, string> environment)
    {
        BaseUrl = baseUrl;
        _environment = environment;
    }

    public Uri BaseUrl { get; }

    public string TablePrefix => _environment["CoachFlow__Storage__TablePrefix"];

    public string TaskHub => _environment["CoachFlow__Workflow__TaskHub"];

    /// <summary>The lines the host wrote to stdout and stderr, for a failing test to show.</summary>
    public List<string> Output { get; } = [];

    /// <summary>Starts a host; <paramref name="settings"/> (configuration keys, e.g. <c>CoachFlow:Engine:WorkerId</c>) override the Development profile.</summary>
    public static async Task<RunningHost> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var baseUrl = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["CoachFlow__PublicBaseUrl"] = baseUrl.ToString().TrimEnd('/'),
            ["CoachFlow__Storage__TablePrefix"] = AzuriteFixture.UniqueTablePrefix(),
            ["CoachFlow__Workflow__TaskHub"] = AzuriteFixture.UniqueTaskHub(),
            ["CoachFlow__Engine__MaxQueuePollingInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var host = new RunningHost(baseUrl, environment);
        host._process = host.Launch();
        await host.WaitUntilHealthyAsync();
        return host;
    }

    /// <summary>SIGKILL: the process gets no chance to stop its work, flush, or release its partition leases.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    /// <summary>Starts the host again with exactly the same settings (port, tables, task hub, worker id).</summary>
    public async Task RestartAsync()
    {
        _process.Dispose();
        _process = Launch();
        await WaitUntilHealthyAsync();
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

    private Process Launch()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "CoachFlow.LocalHost.dll"),
                "--urls", BaseUrl.ToString().TrimEnd('/'),
                "--contentRoot", Path.Combine(AzuriteFixture.RepositoryRoot, "src", "LocalHost"),
            },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            lock (Output)
            {
                Output.Add(line);
            }
        }
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl };
        for (var attempt = 0; attempt < 240; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with {_process.ExitCode}: {string.Join('\n', Output)}");
            }

            try
            {
                if ((await http.GetAsync("/api/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The local host did not answer within 60 s: {string.Join('\n', Output)}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
