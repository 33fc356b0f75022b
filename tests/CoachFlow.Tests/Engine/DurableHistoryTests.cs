using System.Net.Http.Json;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.LocalHost.Engine;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Engine;

/// <summary>
/// The engine on the provider production uses (Azure Storage, over Azurite): the task hub's tables and
/// queues appear, a whole engagement runs through it, and its history holds no personal data (DESIGN
/// §2.2). With COACHFLOW_RECORD_HISTORIES=1 the run is saved for <see cref="WorkflowVersioningTests"/>.
/// </summary>
public sealed class DurableHistoryTests() : AppTest(new CoachFlowApp(backend: EngineBackend.AzureStorage), followRedirects: false)
{
    private const string Name = "Zelda Quartermaine";
    private const string Goals = "I keep rehearsing the reorganisation speech in my sleep";
    private const string Note = "Dr Okonkwo knows I am looking for a coach";

    [Fact]
    public async Task The_task_hub_lives_in_storage_as_durable_functions_lays_it_out()
    {
        var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
        var names = new List<string>();
        await foreach (var table in tables.QueryAsync(t => t.Name.CompareTo(App.TaskHub) >= 0, cancellationToken: Ct))
        {
            names.Add(table.Name);
        }

        Assert.Superset(new HashSet<string> { $"{App.TaskHub}History", $"{App.TaskHub}Instances", $"{App.TaskHub}Partitions" }, names.ToHashSet());
        var queues = new Azure.Storage.Queues.QueueServiceClient(AzuriteFixture.ConnectionString);
        var queueNames = new List<string>();
        await foreach (var queue in queues.GetQueuesAsync(prefix: App.TaskHub.ToLowerInvariant(), cancellationToken: Ct))
        {
            queueNames.Add(queue.Name);
        }

        var hub = App.TaskHub.ToLowerInvariant();
        Assert.Equal([$"{hub}-control-00", $"{hub}-control-01", $"{hub}-control-02", $"{hub}-control-03", $"{hub}-workitems"], queueNames.Order());
    }

    [Fact]
    public async Task A_contracted_engagement_with_a_reschedule_and_a_no_show_leaves_no_personal_data_in_the_task_hub()
    {
        var drive = new LifecycleDriver(App, Client);
        var id = (await drive.StartAsync(Name, therapy: "yes", mentalHealthNote: Note, goals: Goals)).Value;
        await RunContractedWithDetoursAsync(drive);

        var found = new List<string>();
        foreach (var table in new[] { $"{App.TaskHub}History", $"{App.TaskHub}Instances" })
        {
            await foreach (var row in new TableClient(AzuriteFixture.ConnectionString, table).QueryAsync<TableEntity>(cancellationToken: Ct))
            {
                var text = string.Join("\n", row.Select(p => p.Value?.ToString()));
                found.AddRange(new[] { Name, "Zelda", Goals, Note, "Okonkwo", LifecycleDriver.ClientEmail }.Where(p => text.Contains(p, StringComparison.OrdinalIgnoreCase)).Select(p => $"{table}: {p}"));
            }
        }

        Assert.Empty(found);
        if (Environment.GetEnvironmentVariable("COACHFLOW_RECORD_HISTORIES") == "1")
        {
            var history = await RecordedHistory.ReadAsync(App.Get<DurableTaskEngine>(), id);
            await history.SaveAsync(Path.Combine(WorkflowVersioningTests.Folder, $"v{history.Version}-contracted.history.json"));
        }
    }

    /// <summary>Every kind of step once: triage, booking, a reschedule, a no-show, a second booking held, both decisions, the agreement.</summary>
    private static async Task RunContractedWithDetoursAsync(LifecycleDriver drive)
    {
        await drive.InviteAsync();
        var first = await drive.BookFirstSlotAsync();
        var reschedule = await drive.LinkAsync(LifecycleDriver.ClientEmail, "Your chemistry session with Sam Rivers Coaching is booked", "Choose a new time");
        await drive.BookAsync(reschedule, notBefore: first.AddMinutes(1));
        await drive.EmailAsync(LifecycleDriver.CoachEmail, $"Chemistry session moved: {Name}");
        await drive.PostAsync(await drive.CoachSessionLinkAsync("No-show", booking: 2));
        await drive.WaitForStageAsync(Stage.AwaitingBooking);
        await drive.BookAsync((await drive.EmailAsync(LifecycleDriver.ClientEmail, "We missed you")).Links.Single(l => l.Label == "Choose a new time").Url.PathAndQuery);
        await drive.HoldSessionAsync(booking: 3);
        await drive.ReflectAsync(Actor.Client, "yes");
        await drive.ReflectAsync(Actor.Coach, "yes");
        await drive.WaitForStageAsync(Stage.AwaitingAgreement);
        await drive.PostAsync(await drive.LinkAsync(LifecycleDriver.ClientEmail, "You both said yes", "Read and accept"), ("accept", "yes"), ("signature", Name));
        await drive.WaitForStageAsync(Stage.Contracted);
        await drive.EmailAsync(LifecycleDriver.CoachEmail, $"Agreement accepted: {Name}");
    }
}
