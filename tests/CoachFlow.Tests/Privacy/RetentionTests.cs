using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Privacy;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Tests.Privacy;

/// <summary>
/// Retention by default, with the retention period shortened to seconds: an engagement that ended
/// without a contract drops its mental-health note at once and is erased on its own once the period
/// has passed; an engagement still under way is left alone; an erasure cut short is finished by the
/// next sweep.
/// </summary>
public sealed class RetentionTests() : AppTest(new CoachFlowApp(new Dictionary<string, string?>
{
    ["CoachFlow:Retention:EndedWithoutContract"] = "PT4S",
    ["CoachFlow:Retention:SweepInterval"] = "00:00:01",
}), followRedirects: false)
{
    [Fact]
    public async Task An_engagement_ended_without_a_contract_loses_its_note_at_once_and_is_erased_after_the_retention_period()
    {
        var waiting = new LifecycleDriver(App, Client);
        await waiting.StartAsync(name: "Still Waiting", email: "waiting@example.com");
        var declined = new LifecycleDriver(App, Client);
        await declined.StartAsync(therapy: "yes", mentalHealthNote: "My counsellor knows.");

        await declined.PostAsync(await declined.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry: Ada Lovelace", "Decline"));
        await declined.WaitForStageAsync(Stage.Declined);

        var ended = (await App.Get<EngagementStore>().GetAsync(declined.Id, Ct))!;
        Assert.Null(ended.Intake.MentalHealthNote);
        Assert.Equal(SampleIntake.Json()["goals"]!.GetValue<string>(), ended.Intake.Goals);
        await declined.EventuallyAsync(async () => await App.Get<ErasureTombstones>().GetAsync(declined.Id, Ct) is { CompletedAt: not null }, "retention to erase the declined engagement");
        var tombstone = (await App.Get<ErasureTombstones>().GetAsync(declined.Id, Ct))!;
        Assert.Null(await App.Get<EngagementStore>().GetAsync(declined.Id, Ct));
        Assert.Equal(nameof(Actor.System), tombstone.RequestedBy);
        Assert.True(tombstone.RequestedAt - ended.UpdatedAt >= TimeSpan.FromSeconds(4), $"erased {tombstone.RequestedAt - ended.UpdatedAt} after it ended");
        Assert.Empty(await declined.TimelineAsync());
        Assert.Null(await App.Get<DurableTaskClient>().GetInstanceAsync(declined.Id.Value, Ct));
        Assert.Equal(Stage.AwaitingCoachTriage, await waiting.StageAsync());
        Assert.Null(await App.Get<ErasureTombstones>().GetAsync(waiting.Id, Ct));
    }

    [Fact]
    public async Task An_erasure_cut_short_after_the_engagements_rows_went_is_finished_by_the_next_sweep()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync(email: "cut.short@example.com");
        var data = (await drive.EmailAsync(drive.Inbox, "Thank you for getting in touch")).Links.Single(l => l.Label == EngagementMailer.YourDataLabel).Url.PathAndQuery;
        await drive.EventuallyAsync(async () => (await drive.TimelineAsync()).Count > 0, "the timeline to start");

        // What EngagementEraser does first, then the process dies.
        await App.Get<ErasureTombstones>().RequestedAsync(drive.Id, Actor.Client, contractKept: false, DateTimeOffset.UtcNow, Ct);
        await App.Get<EngagementStore>().DeleteAsync(drive.Id, Ct);

        await drive.EventuallyAsync(async () => (await App.Get<ErasureTombstones>().GetAsync(drive.Id, Ct))!.CompletedAt is not null, "the sweep to finish the erasure");
        Assert.Empty(await drive.TimelineAsync());
        Assert.Empty(await drive.EmailsToAsync(drive.Inbox));
        Assert.Null(await App.Get<DurableTaskClient>().GetInstanceAsync(drive.Id.Value, Ct));
        Assert.Empty(await App.Get<ErasureTombstones>().UnfinishedAsync(Ct));
        Assert.Equal(nameof(Actor.Client), (await App.Get<ErasureTombstones>().GetAsync(drive.Id, Ct))!.RequestedBy);
        var page = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, data) { Headers = { { "Accept", "text/html" } } }, Ct);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, page.StatusCode);
    }
}
