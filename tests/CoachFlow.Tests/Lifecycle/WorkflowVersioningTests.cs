extern alias functions;

using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Tests.TestSupport;
using functions::CoachFlow.Functions.Workflow;
using Google.Protobuf;
using Microsoft.DurableTask.Worker.Grpc;
using P = Microsoft.DurableTask.Protobuf;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// DESIGN §2.1: engagements run for weeks, so a deploy meets instances started by older code. Each
/// file in <c>Histories/</c> is the history of a real instance, one for each way an engagement ends
/// (recorded from the Azure Storage task hub by <see cref="DurableHistoryTests"/> and the privacy tests'
/// paths with <c>COACHFLOW_RECORD_HISTORIES=1</c>). Replaying it
/// through the worker SDK's own replay path, the one the Functions host drives
/// (<see cref="GrpcOrchestrationRunner"/>), against today's orchestrator must end exactly as it did.
/// A change of shape must add a version branch instead, and a recording of the new version.
/// </summary>
public sealed class WorkflowVersioningTests
{
    public static readonly string Folder = Path.Combine(AzuriteFixture.RepositoryRoot, "tests", "CoachFlow.Tests", "Lifecycle", "Histories");

    public static TheoryData<string> Recordings() => [.. Directory.EnumerateFiles(Folder, "*.history.json").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Recordings))]
    public void A_recorded_history_replays_to_the_same_end_against_the_current_orchestrator(string file)
    {
        var history = RecordedHistory.Load(Path.Combine(Folder, file)).Parse();

        var completion = Replay(history);

        var recorded = history.Single(e => e.EventTypeCase == P.HistoryEvent.EventTypeOneofCase.ExecutionCompleted).ExecutionCompleted;
        Assert.True(completion.OrchestrationStatus == P.OrchestrationStatus.Completed, $"{file}: {completion.FailureDetails?.ErrorType}: {completion.FailureDetails?.ErrorMessage}");
        Assert.Equal(recorded.Result, completion.Result);
    }

    [Fact]
    public void The_recordings_cover_every_kind_of_step_of_a_contracted_engagement_including_a_reschedule_and_a_no_show()
    {
        var history = RecordedHistory.Load(Path.Combine(Folder, "v1.0-contracted.history.json"));
        var events = history.Parse();

        Assert.Equal("1.0", history.Version);
        Assert.Equal(((int)Stage.Contracted).ToString(System.Globalization.CultureInfo.InvariantCulture), events.Single(e => e.ExecutionCompleted is not null).ExecutionCompleted.Result);
        var scheduled = events.Where(e => e.TaskScheduled is not null).Select(e => e.TaskScheduled.Name).ToHashSet();
        Assert.Superset(
            new HashSet<string> { LifecycleActivities.SendInquiryToCoach, LifecycleActivities.SendChemistryConfirmation, LifecycleActivities.SendNoShowNotice, LifecycleActivities.SendReflectionRequests, LifecycleActivities.SendAgreement, LifecycleActivities.SendContractedNotices },
            scheduled);
        var raised = events.Where(e => e.EventRaised is not null).Select(e => e.EventRaised.Name).ToList();
        Assert.Equal(
            [EngagementEvents.CoachTriage, EngagementEvents.ChemistryBooked, EngagementEvents.ChemistryRescheduled, EngagementEvents.ClientNoShow, EngagementEvents.ChemistryBooked, EngagementEvents.SessionHeld, EngagementEvents.ClientDecision, EngagementEvents.CoachDecision, EngagementEvents.AgreementAccepted],
            raised);
        Assert.Contains(events, e => e.TimerCreated is not null);
    }

    [Theory]
    [InlineData("contracted", Stage.Contracted)]
    [InlineData("declined", Stage.Declined)]
    [InlineData("not-compatible", Stage.NotCompatible)]
    [InlineData("expired", Stage.Expired)]
    [InlineData("withdrawn-cancelled", Stage.Withdrawn)]
    [InlineData("withdrawn-no-show", Stage.Withdrawn)]
    [InlineData("withdrawn-by-coach", Stage.Withdrawn)]
    public void There_is_a_recording_of_each_way_an_engagement_ends(string path, Stage end)
    {
        var file = Assert.Single(Directory.EnumerateFiles(Folder, $"v*-{path}.history.json"));
        var events = RecordedHistory.Load(file).Parse();

        Assert.Equal(((int)end).ToString(System.Globalization.CultureInfo.InvariantCulture), events.Single(e => e.ExecutionCompleted is not null).ExecutionCompleted.Result);
        var raised = events.Where(e => e.EventRaised is not null).Select(e => e.EventRaised.Name).ToList();
        switch (path)
        {
            case "withdrawn-cancelled":
                Assert.Equal([EngagementEvents.CoachTriage, EngagementEvents.ChemistryBooked, EngagementEvents.ChemistryRescheduled, EngagementEvents.ChemistryCancelled], raised);
                break;
            case "withdrawn-by-coach":
                Assert.Equal([EngagementEvents.CoachTriage, EngagementEvents.ChemistryBooked, EngagementEvents.CoachWithdrew], raised);
                Assert.Contains(events, e => e.TaskScheduled?.Name == LifecycleActivities.SendWithdrawalNotice);
                break;
            case "withdrawn-no-show":
                Assert.Equal([EngagementEvents.CoachTriage, EngagementEvents.ChemistryBooked, EngagementEvents.ClientNoShow, EngagementEvents.ChemistryBooked, EngagementEvents.ClientNoShow], raised);
                break;
            case "expired":
                Assert.Empty(raised);
                Assert.Contains(events, e => e.TimerFired is not null);
                break;
        }
    }

    [Fact]
    public void A_step_taken_in_another_order_than_recorded_fails_the_replay_as_non_deterministic()
    {
        var history = RecordedHistory.Load(Path.Combine(Folder, "v1.0-contracted.history.json")).Parse().Select(e => e.Clone()).ToList();
        var scheduled = history.Where(e => e.TaskScheduled is not null).Take(3).Select(e => e.TaskScheduled).ToList();
        Assert.Equal([LifecycleActivities.GetLifecycleSettings, LifecycleActivities.RecordStage, LifecycleActivities.SendAcknowledgement], scheduled.Select(s => s.Name));

        // As if the code had sent the acknowledgement before recording the stage.
        (scheduled[1].Name, scheduled[2].Name) = (scheduled[2].Name, scheduled[1].Name);
        var completion = Replay(history);

        Assert.Equal(P.OrchestrationStatus.Failed, completion.OrchestrationStatus);
        Assert.Contains("NonDeterministic", completion.FailureDetails.ErrorType, StringComparison.Ordinal);
    }

    /// <summary>
    /// An instance the code before withdrawals started (recorded by it), waiting for its booking, meets today's
    /// orchestrator and a <c>CoachWithdrew</c> event: it replays as recorded and then records the stage Withdrawn by the coach.
    /// </summary>
    [Fact]
    public void An_instance_started_before_withdrawals_existed_can_be_withdrawn_while_it_waits()
    {
        var history = RecordedHistory.Load(Path.Combine(Folder, "v1.0-contracted.history.json")).Parse();
        var booked = history.ToList().FindIndex(e => e.EventRaised?.Name == EngagementEvents.ChemistryBooked);
        var waiting = history.Take(booked).ToList().FindLastIndex(e => e.OrchestratorStarted is not null);
        var withdrawal = new P.HistoryEvent
        {
            EventId = -1,
            Timestamp = history[booked].Timestamp,
            EventRaised = new P.EventRaisedEvent { Name = EngagementEvents.CoachWithdrew, Input = "{\"EventId\":\"withdrawal\"}" },
        };

        var actions = Run(history.Take(waiting).ToList(), [history[waiting], withdrawal]);

        var next = Assert.Single(actions, a => a.ScheduleTask is not null).ScheduleTask;
        Assert.Equal(LifecycleActivities.RecordStage, next.Name);
        // The isolated worker hands an activity its input as a one-element array.
        var change = Assert.Single(System.Text.Json.JsonSerializer.Deserialize<StageChange[]>(next.Input)!);
        Assert.Equal((Stage.Withdrawn, Actor.Coach), (change.Stage, change.Actor));
    }

    /// <summary>
    /// Hands the worker the history up to the last episode as past events and that episode's inputs as
    /// new ones, as the Functions host does, and returns the completion the orchestrator produced.
    /// </summary>
    private static P.CompleteOrchestrationAction Replay(IReadOnlyList<P.HistoryEvent> history)
    {
        var lastEpisode = history.Select((e, i) => (e, i)).Last(x => x.e.OrchestratorStarted is not null).i;
        var actions = Run(history.Take(lastEpisode), history.Skip(lastEpisode).Where(IsInput));
        return Assert.Single(actions, a => a.CompleteOrchestration is not null).CompleteOrchestration;
    }

    /// <summary>Runs one episode of today's orchestrator over <paramref name="past"/> and <paramref name="news"/>; returns what it decided.</summary>
    private static Google.Protobuf.Collections.RepeatedField<P.OrchestratorAction> Run(IEnumerable<P.HistoryEvent> past, IEnumerable<P.HistoryEvent> news)
    {
        var pastEvents = past.ToList();
        var request = new P.OrchestratorRequest { InstanceId = pastEvents.First(e => e.ExecutionStarted is not null).ExecutionStarted.OrchestrationInstance.InstanceId };
        request.PastEvents.AddRange(pastEvents);
        request.NewEvents.AddRange(news);

        var encoded = GrpcOrchestrationRunner.LoadAndRun<string, Stage?>(
            Convert.ToBase64String(request.ToByteArray()),
            async (context, _) => await EngagementOrchestrator.Run(context));

        return P.OrchestratorResponse.Parser.ParseFrom(Convert.FromBase64String(encoded)).Actions;
    }

    /// <summary>What wakes an orchestrator up, as opposed to what it decided (scheduled tasks, timers, its completion).</summary>
    private static bool IsInput(P.HistoryEvent e) => e.EventTypeCase is
        P.HistoryEvent.EventTypeOneofCase.OrchestratorStarted or P.HistoryEvent.EventTypeOneofCase.TaskCompleted
        or P.HistoryEvent.EventTypeOneofCase.TaskFailed or P.HistoryEvent.EventTypeOneofCase.TimerFired
        or P.HistoryEvent.EventTypeOneofCase.EventRaised;
}
