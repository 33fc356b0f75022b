using CoachFlow.LocalHost.Engine;

namespace CoachFlow.Tests.TestSupport;

/// <summary>Configuration every test host gets: its own tables and task hub, quick polling and retries, and waits that never run out by accident.</summary>
public static class TestSettings
{
    /// <summary>Longer than any test: a wait a test does not shorten never times out under it.</summary>
    public const string Never = "01:00:00";

    public static IReadOnlyDictionary<string, string?> Isolated(string tablePrefix, string taskHub, EngineBackend backend) => new Dictionary<string, string?>
    {
        ["CoachFlow:Storage:ConnectionString"] = AzuriteFixture.ConnectionString,
        ["CoachFlow:Storage:TablePrefix"] = tablePrefix,
        ["CoachFlow:Workflow:TaskHub"] = taskHub,
        ["CoachFlow:Workflow:ActivityRetry:MaxAttempts"] = "3",
        ["CoachFlow:Workflow:ActivityRetry:FirstRetryInterval"] = "00:00:00.200",
        ["CoachFlow:Workflow:ActivityRetry:BackoffCoefficient"] = "2",
        ["CoachFlow:Workflow:ActivityRetry:MaxRetryInterval"] = "00:00:01",
        ["CoachFlow:Engine:Backend"] = backend.ToString(),
        // Tests share one client address and submit fast; the limits have tests of their own.
        ["CoachFlow:RateLimits:IntakePerMinute"] = "100000",
        ["CoachFlow:RateLimits:LinkPostsPerMinute"] = "100000",
        ["CoachFlow:RateLimits:SignInsPerMinute"] = "100000",
        ["CoachFlow:Engine:MaxQueuePollingInterval"] = "00:00:01",
        ["CoachFlow:Engine:WorkerId"] = $"test-{taskHub}",
        ["CoachFlow:Engine:MessageVisibilityTimeout"] = "00:00:10",
        ["CoachFlow:Durations:TriageReminder"] = "00:59:00",
        ["CoachFlow:Durations:TriageTimeout"] = Never,
        ["CoachFlow:Durations:BookingReminder"] = "00:59:00",
        ["CoachFlow:Durations:BookingTimeout"] = Never,
        ["CoachFlow:Durations:DecisionReminder"] = "00:59:00",
        ["CoachFlow:Durations:DecisionTimeout"] = Never,
        ["CoachFlow:Durations:AgreementReminder"] = "00:59:00",
        ["CoachFlow:Durations:AgreementTimeout"] = Never,
    };

    /// <summary>One wait of the lifecycle made short: the reminder after <paramref name="reminder"/>, the end after <paramref name="timeout"/>.</summary>
    public static Dictionary<string, string?> ShortWait(string wait, TimeSpan reminder, TimeSpan timeout) => new()
    {
        [$"CoachFlow:Durations:{wait}Reminder"] = reminder.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        [$"CoachFlow:Durations:{wait}Timeout"] = timeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
    };
}
