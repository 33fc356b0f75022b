using System.Diagnostics;
using CoachFlow.LocalHost.Engine;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Configuration;

public sealed class EngineOptionsValidatorTests
{
    public static TheoryData<string, Action<EngineOptions>> Breakages => new()
    {
        { "CoachFlow:Engine:Backend", o => o.Backend = (EngineBackend)7 },
        { "CoachFlow:Engine:PartitionCount", o => o.PartitionCount = 0 },
        { "CoachFlow:Engine:PartitionCount", o => o.PartitionCount = 17 },
        { "CoachFlow:Engine:MaxQueuePollingInterval", o => o.MaxQueuePollingInterval = TimeSpan.Zero },
        { "CoachFlow:Engine:WorkerId", o => o.WorkerId = " " },
        { "CoachFlow:Engine:MessageVisibilityTimeout", o => o.MessageVisibilityTimeout = TimeSpan.FromSeconds(1) },
        { "CoachFlow:Engine:MaxConcurrentOrchestrations", o => o.MaxConcurrentOrchestrations = 0 },
        { "CoachFlow:Engine:MaxConcurrentActivities", o => o.MaxConcurrentActivities = 0 },
        { "CoachFlow:Engine:DefaultVersion", o => o.DefaultVersion = "" },
    };

    [Fact]
    public void The_defaults_are_valid() => Assert.True(new EngineOptionsValidator().Validate(null, new EngineOptions()).Succeeded);

    [Theory]
    [MemberData(nameof(Breakages))]
    public void Each_invalid_engine_setting_is_named_in_the_failure(string key, Action<EngineOptions> breakIt)
    {
        var options = new EngineOptions();
        breakIt(options);

        var result = new EngineOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.All(result.Failures!, f => Assert.StartsWith(key + " ", f, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_local_host_exits_with_one_line_naming_a_bad_engine_setting()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "CoachFlow.LocalHost.dll"), "--urls", "http://127.0.0.1:0", "--contentRoot", Path.Combine(AzuriteFixture.RepositoryRoot, "src", "LocalHost") },
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["CoachFlow__Storage__TablePrefix"] = AzuriteFixture.UniqueTablePrefix(),
                ["CoachFlow__Engine__PartitionCount"] = "40",
            },
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        var message = (await stderr).Trim();
        Assert.Equal(1, process.ExitCode);
        Assert.Equal("CoachFlow cannot start: CoachFlow:Engine:PartitionCount must be between 1 and 16.", message);
    }
}
