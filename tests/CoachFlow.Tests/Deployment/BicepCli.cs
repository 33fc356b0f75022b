using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// The real Bicep compiler, from the <c>Azure.Bicep.CommandLine.linux-x64</c> package that restore
/// brings; the build writes its path into the test assembly (see the test project file).
/// </summary>
public sealed class BicepCli : IDisposable
{
    /// <summary>A compile takes seconds; a hung compiler must fail the test rather than hold CI.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private readonly DirectoryInfo? _copy;

    public BicepCli()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException("The Bicep CLI comes from Azure.Bicep.CommandLine.linux-x64, which runs on linux-x64 only.");
        }

        var packaged = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepExecutable")?.Value;
        if (!File.Exists(packaged))
        {
            throw new FileNotFoundException($"No Bicep CLI at '{packaged}': restore the test project so NuGet brings Azure.Bicep.CommandLine.linux-x64.", packaged);
        }

        if ((File.GetUnixFileMode(packaged) & UnixFileMode.UserExecute) != 0)
        {
            Executable = packaged;
            return;
        }

        // NuGet may extract the binary without its execute bit. The package cache is shared and not
        // ours to change, so this run executes a private copy instead.
        _copy = Directory.CreateTempSubdirectory("coachflow-bicep-");
        Executable = Path.Combine(_copy.FullName, "bicep");
        File.Copy(packaged, Executable);
        File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserExecute);
    }

    public string Executable { get; }

    public async Task<BicepRun> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Limit);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"bicep {string.Join(' ', start.ArgumentList)} did not finish within {Limit}.");
        }

        return new BicepRun(process.ExitCode, await output, await error);
    }

    public void Dispose() => _copy?.Delete(recursive: true);
}
