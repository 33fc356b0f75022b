using System.Diagnostics;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// <c>scripts/preprovision.sh</c>, run by <c>sh</c> as azd runs it, against a stand-in <c>azd</c> that keeps its
/// environment in a file the way <c>azd env set</c> / <c>azd env get-value</c> do (azd itself cannot be installed
/// here). The key it makes must pass the app's own validator, and a second provision must keep it: a new key would
/// void every link already in an inbox.
/// </summary>
public sealed class PreprovisionHookTests : IDisposable
{
    // Answers like azd: get-value fails with a message on stderr for an unknown key.
    private const string StandInAzd = """
        #!/bin/sh
        store="$AZD_STAND_IN_ENV"
        case "$1 $2" in
          "env get-value")
            line="$(grep "^$3=" "$store" 2>/dev/null | tail -n 1)"
            if [ -z "$line" ]; then echo "ERROR: key '$3' not found in the environment values" >&2; exit 1; fi
            echo "${line#*=}" ;;
          "env set")
            grep -v "^$3=" "$store" > "$store.new" 2>/dev/null || true
            echo "$3=$4" >> "$store.new"
            mv "$store.new" "$store" ;;
          *) echo "stand-in azd: unexpected $*" >&2; exit 2 ;;
        esac
        """;

    private readonly DirectoryInfo _bin = Directory.CreateTempSubdirectory("coachflow-azd-");

    public PreprovisionHookTests()
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("preprovision.sh is the hook azd runs on Linux and macOS; on Windows it runs preprovision.ps1.");
        }

        var azd = Path.Combine(_bin.FullName, "azd");
        File.WriteAllText(azd, StandInAzd.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(azd, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private string EnvironmentFile => Path.Combine(_bin.FullName, ".env");

    [Fact]
    public async Task The_first_provision_generates_a_key_the_app_accepts_and_later_provisions_keep_it()
    {
        var first = await RunHookAsync();
        var key = Value("LINK_SIGNING_KEY");
        var second = await RunHookAsync();

        Assert.Equal(0, first.ExitCode);
        Assert.Matches("^[0-9a-f]{64}$", key);
        Assert.DoesNotContain(key, first.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(key, Value("LINK_SIGNING_KEY"));
        Assert.Contains("keeping it", second.Output, StringComparison.Ordinal);
        var failures = new CoachFlowOptionsValidator().Validate(null, new CoachFlowOptions { LinkSigningKey = key }).Failures ?? [];
        Assert.DoesNotContain(failures, f => f.StartsWith("CoachFlow:LinkSigningKey", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_key_the_coach_already_set_is_never_replaced()
    {
        File.WriteAllText(EnvironmentFile, "LINK_SIGNING_KEY=the-coach-chose-this-key-of-forty-characters\n");

        var run = await RunHookAsync();

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("the-coach-chose-this-key-of-forty-characters", Value("LINK_SIGNING_KEY"));
    }

    [Fact]
    public async Task Each_environment_gets_its_own_key()
    {
        await RunHookAsync();
        var one = Value("LINK_SIGNING_KEY");
        File.Delete(EnvironmentFile);
        await RunHookAsync();

        Assert.NotEqual(one, Value("LINK_SIGNING_KEY"));
    }

    public void Dispose() => _bin.Delete(recursive: true);

    private string Value(string name) =>
        File.ReadAllLines(EnvironmentFile).Last(l => l.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    private async Task<(int ExitCode, string Output)> RunHookAsync()
    {
        var start = new ProcessStartInfo("sh")
        {
            ArgumentList = { Path.Combine(AzuriteFixture.RepositoryRoot, "scripts", "preprovision.sh") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            Environment =
            {
                ["PATH"] = $"{_bin.FullName}:{Environment.GetEnvironmentVariable("PATH")}",
                ["AZD_STAND_IN_ENV"] = EnvironmentFile,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
