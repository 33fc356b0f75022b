using System.Text.Json;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Domain.Workflow;
using CoachFlow.LocalHost.Workflow;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// DESIGN §2.1: engagements run for weeks, so a deploy meets instances started by older code. Each
/// file in <c>Histories/</c> is the recorded history of a real instance of a released workflow
/// version; replaying it against today's <see cref="EngagementWorkflow"/> must issue exactly the same
/// actions. A change of shape must add a version branch instead (and a new recording:
/// <c>COACHFLOW_RECORD_HISTORIES=1 dotnet test</c>).
/// </summary>
public sealed class WorkflowVersioningTests
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string Folder = Path.Combine(AzuriteFixture.RepositoryRoot, "tests", "CoachFlow.Tests", "Lifecycle", "Histories");

    public static TheoryData<string> Recordings() => [.. Directory.EnumerateFiles(Folder, "*.history.json").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Recordings))]
    public void A_recorded_history_replays_deterministically_against_the_current_workflow(string file)
    {
        var recording = JsonSerializer.Deserialize<Recording>(File.ReadAllText(Path.Combine(Folder, file)))!;
        var registry = new WorkflowRegistry().AddOrchestrator<string, Stage>(EngagementWorkflow.Name, EngagementWorkflow.RunAsync);
        var state = new InstanceState(recording.InstanceId, EngagementWorkflow.Name, recording.Version, WorkflowRuntimeStatus.Running, null, null, null, null, default, default, recording.History.Count, default);

        var replay = Episode.Run(registry, state, recording.History, [], recording.History[^1].Timestamp);

        Assert.True(replay.Failure is null, $"{file}: {replay.Failure?.ErrorType}: {replay.Failure?.ErrorMessage}");
        Assert.Equal(WorkflowRuntimeStatus.Completed, replay.Status);
        Assert.Equal(recording.History.Single(e => e.Type == HistoryEventType.ExecutionCompleted).Payload, replay.Output);
    }

    [Fact]
    public void The_recordings_cover_a_full_lifecycle()
    {
        var recording = JsonSerializer.Deserialize<Recording>(File.ReadAllText(Path.Combine(Folder, "v1-contracted.history.json")))!;

        Assert.Equal("1", recording.Version);
        Assert.Equal(((int)Stage.Contracted).ToString(System.Globalization.CultureInfo.InvariantCulture), recording.History[^1].Payload);
        var activities = recording.History.Where(e => e.Type == HistoryEventType.TaskScheduled).Select(e => e.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string?> { LifecycleActivities.SendInquiryToCoach, LifecycleActivities.SendChemistryConfirmation, LifecycleActivities.SendSessionReminder, LifecycleActivities.SendReflectionRequests, LifecycleActivities.SendAgreement, LifecycleActivities.SendContractedNotices },
            activities);
        Assert.True(recording.History.Count(e => e.Type == HistoryEventType.TimerFired) >= 2);
        Assert.Equal(5, recording.History.Count(e => e.Type == HistoryEventType.EventRaised));
    }

    /// <summary>Called at the end of a lifecycle test: with COACHFLOW_RECORD_HISTORIES=1 it saves that instance's history.</summary>
    internal static async Task RecordIfAskedAsync(CoachFlowApp app, EngagementId id, string name)
    {
        if (Environment.GetEnvironmentVariable("COACHFLOW_RECORD_HISTORIES") != "1")
        {
            return;
        }

        var runtime = app.Get<LocalWorkflowRuntime>();
        var instance = await runtime.GetInstanceAsync(id.Value, TestContext.Current.CancellationToken);
        var history = await runtime.GetHistoryAsync(id.Value, TestContext.Current.CancellationToken);
        var recording = new Recording(id.Value, instance!.Version, [.. history]);
        await File.WriteAllTextAsync(
            Path.Combine(Folder, $"v{instance.Version}-{name}.history.json"),
            JsonSerializer.Serialize(recording, Indented),
            TestContext.Current.CancellationToken);
    }

    public sealed record Recording(string InstanceId, string Version, IReadOnlyList<HistoryEvent> History);
}
