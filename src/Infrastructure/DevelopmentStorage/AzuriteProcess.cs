using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CoachFlow.Infrastructure.DevelopmentStorage;

/// <summary>
/// Makes sure Azurite answers on the configured table port: reuses one that is already running,
/// otherwise installs the pinned version (<c>npm ci</c>) when missing and starts it. Disposing
/// stops only an Azurite this instance started.
/// </summary>
public sealed partial class AzuriteProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    private readonly Process? _process;

    private AzuriteProcess(Process? process) => _process = process;

    /// <summary>True when this instance started Azurite (and will stop it); false when it reused a running one.</summary>
    public bool Started => _process is not null;

    public static async Task<AzuriteProcess> EnsureRunningAsync(AzuriteSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await EmulatorConnection.AnswersAsync(settings.TablePort, cancellationToken).ConfigureAwait(false))
        {
            Log.Reusing(logger, settings.TablePort);
            return new AzuriteProcess(null);
        }

        var node = FindOnPath("node", settings.SearchPath) ?? throw new DevelopmentStorageException(
            "Node.js was not found on PATH; CoachFlow needs it to run the Azurite storage emulator. Install Node.js 20+ or set CoachFlow:Storage:ConnectionString to a running storage account.");

        var script = Path.Combine(settings.RepositoryRoot, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            await InstallAsync(settings, logger, cancellationToken).ConfigureAwait(false);
        }

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = settings.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in Arguments(script, settings))
        {
            start.ArgumentList.Add(argument);
        }

        Log.Starting(logger, settings.TablePort, settings.InMemory ? "memory" : settings.DataLocation);
        var process = Process.Start(start) ?? throw new DevelopmentStorageException("Azurite could not be started.");
        var output = new OutputTail(process);
        var launched = new AzuriteProcess(process);
        try
        {
            await WaitUntilAnswersAsync(process, settings.TablePort, output, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await launched.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return launched;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
    }

    private static IEnumerable<string> Arguments(string script, AzuriteSettings settings)
    {
        yield return script;
        yield return "--silent";
        yield return "--skipApiVersionCheck";
        yield return "--disableTelemetry";
        yield return "--tablePort";
        yield return settings.TablePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (settings.TablePort != EmulatorConnection.DefaultTablePort)
        {
            // Off the standard ports, blob and queue never take the standard ones, so they cannot collide with a standard Azurite.
            yield return "--blobPort";
            yield return settings.BlobPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return "--queuePort";
            yield return settings.QueuePort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (settings.InMemory)
        {
            yield return "--inMemoryPersistence";
        }
        else
        {
            Directory.CreateDirectory(settings.DataLocation);
            yield return "--location";
            yield return settings.DataLocation;
        }
    }

    private static async Task WaitUntilAnswersAsync(Process process, int port, OutputTail output, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (!await EmulatorConnection.AnswersAsync(port, cancellationToken).ConfigureAwait(false))
        {
            if (process.HasExited)
            {
                throw new DevelopmentStorageException($"Azurite exited with code {process.ExitCode} before answering on port {port}: {output.Last()}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new DevelopmentStorageException($"Azurite did not answer on port {port} within {StartTimeout.TotalSeconds:0} s: {output.Last()}");
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task InstallAsync(AzuriteSettings settings, ILogger logger, CancellationToken cancellationToken)
    {
        var root = settings.RepositoryRoot;
        var npm = FindOnPath("npm", settings.SearchPath) ?? throw new DevelopmentStorageException(
            "npm was not found on PATH; it installs the pinned Azurite. Install Node.js 20+ (which includes npm).");
        Log.Installing(logger, root);
        var start = new ProcessStartInfo(npm)
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new DevelopmentStorageException("npm could not be started.");
        var output = new OutputTail(process);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new DevelopmentStorageException($"npm ci did not finish within {InstallTimeout.TotalMinutes:0} minutes in {root}.");
        }

        if (process.ExitCode != 0)
        {
            throw new DevelopmentStorageException($"npm ci failed with code {process.ExitCode} in {root}: {output.Last()}");
        }
    }

    private static string? FindOnPath(string command, string? searchPath)
    {
        var names = OperatingSystem.IsWindows() ? new[] { command + ".exe", command + ".cmd" } : [command];
        var path = searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(dir => names.Select(name => Path.Combine(dir, name)))
            .FirstOrDefault(File.Exists);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Azurite already answers on table port {Port}; reusing it")]
        public static partial void Reusing(ILogger logger, int port);

        [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Starting Azurite on table port {Port} (data: {Location})")]
        public static partial void Starting(ILogger logger, int port, string location);

        [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Installing the pinned Azurite with npm ci in {Root}")]
        public static partial void Installing(ILogger logger, string root);
    }
}
