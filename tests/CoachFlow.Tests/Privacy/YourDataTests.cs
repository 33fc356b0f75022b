using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Privacy;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Privacy;

/// <summary>The "Your data" page a client reaches from every email, and the coach from the enquiry email.</summary>
public sealed class YourDataTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    private LifecycleDriver _drive = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _drive = new LifecycleDriver(App, Client);
    }

    [Fact]
    public async Task Every_email_to_the_client_carries_their_data_link_and_no_email_to_the_coach_does()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await _drive.BookFirstSlotAsync();
        await _drive.EmailAsync(LifecycleDriver.ClientEmail, "Your chemistry session with Sam Rivers Coaching is booked");

        var toClient = await _drive.EmailsToAsync(LifecycleDriver.ClientEmail);
        Assert.Equal(3, toClient.Count);
        Assert.All(toClient, e =>
        {
            var link = Assert.Single(e.Links, l => l.Label == EngagementMailer.YourDataLabel).Url.ToString();
            Assert.Contains(link, e.Text, StringComparison.Ordinal);
            Assert.Contains(link, e.Html, StringComparison.Ordinal);
        });
        var toCoach = await _drive.EmailsToAsync(LifecycleDriver.CoachEmail);
        Assert.All(toCoach, e => Assert.DoesNotContain(e.Links, l => l.Label == EngagementMailer.YourDataLabel));
        Assert.Contains(toCoach.Single(e => e.Subject.StartsWith("New enquiry", StringComparison.Ordinal)).Links, l => l.Label == EngagementActivities.CoachDataLabel);
    }

    [Fact]
    public async Task The_export_holds_every_answer_the_client_gave_and_every_stage_they_passed_and_only_the_coach_sees_their_own_reflection()
    {
        await _drive.StartAsync(therapy: "yes", mentalHealthNote: "My counsellor knows.");
        await _drive.ThroughSessionAsync();
        await _drive.ReflectAsync(Actor.Client, "yes", ("note", "Easy to talk to."));
        await _drive.ReflectAsync(Actor.Coach, "yes", ("note", "Good energy."));
        await _drive.WaitForStageAsync(Stage.AwaitingAgreement);

        var client = await ExportAsync(await ClientDataLinkAsync());
        var coach = await ExportAsync(await _drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", EngagementActivities.CoachDataLabel));

        var intake = client["intake"]!;
        var sample = SampleIntake.Json();
        Assert.Equal("Ada Lovelace", intake["name"]!.GetValue<string>());
        Assert.Equal(sample["email"]!.GetValue<string>(), intake["email"]!.GetValue<string>());
        Assert.Equal(sample["timeZone"]!.GetValue<string>(), intake["timeZone"]!.GetValue<string>());
        Assert.Equal(sample["goals"]!.GetValue<string>(), intake["goals"]!.GetValue<string>());
        Assert.Equal(["Communication", "Reactions under stress"], intake["focusAreas"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(nameof(MentalHealthSupport.Yes), intake["seeingMentalHealthProfessional"]!.GetValue<string>());
        Assert.Equal("My counsellor knows.", intake["mentalHealthNote"]!.GetValue<string>());
        Assert.Equal(sample["heardFrom"]!.GetValue<string>(), intake["heardFrom"]!.GetValue<string>());
        Assert.Equal(nameof(Stage.AwaitingAgreement), client["stage"]!.GetValue<string>());
        Assert.Equal(
            ["Received", "AwaitingCoachTriage", "AwaitingBooking", "ChemistryScheduled", "AwaitingDecisions", "AwaitingAgreement"],
            client["timeline"]!.AsArray().Where(t => t!["kind"]!.GetValue<string>() == "Stage").Select(t => t!["summary"]!.GetValue<string>()["Stage: ".Length..]));
        Assert.NotNull(client["chemistrySession"]!["start"]);
        Assert.Equal("Easy to talk to.", client["clientReflection"]!["note"]!.GetValue<string>());
        Assert.Null(client["coachReflection"]);
        Assert.Equal("Good energy.", coach["coachReflection"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task Opening_the_page_changes_nothing_and_erasing_needs_the_confirmation()
    {
        await _drive.StartAsync(therapy: "yes", mentalHealthNote: "My counsellor knows.");
        var link = await ClientDataLinkAsync();

        var page = await Client.GetStringAsync(link, Ct);
        var unconfirmed = await _drive.PostAsync(link, ("confirm", "maybe"));

        Assert.Contains("My counsellor knows.", page, StringComparison.Ordinal);
        Assert.Contains("I understand that this cannot be undone.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, unconfirmed.StatusCode);
        Assert.Contains("Nothing was erased", await unconfirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotNull(await App.Get<EngagementStore>().GetAsync(_drive.Id, Ct));
        Assert.Null(await App.Get<ErasureTombstones>().GetAsync(_drive.Id, Ct));
    }

    [Fact]
    public async Task An_agreed_client_keeps_their_contract_when_they_erase_and_the_coach_can_erase_the_rest()
    {
        await _drive.StartAsync(therapy: "yes", mentalHealthNote: "My counsellor knows.");
        await _drive.ThroughSessionAsync();
        await _drive.ReflectAsync(Actor.Client, "yes", ("note", "Easy to talk to."));
        await _drive.ReflectAsync(Actor.Coach, "yes");
        await _drive.WaitForStageAsync(Stage.AwaitingAgreement);
        await _drive.PostAsync(await _drive.LinkAsync(LifecycleDriver.ClientEmail, "You both said yes", "Read and accept"), ("accept", "yes"), ("signature", "Ada King Lovelace"));
        await _drive.WaitForStageAsync(Stage.Contracted);
        await _drive.EmailAsync(LifecycleDriver.CoachEmail, "Agreement accepted");

        var erased = await _drive.PostAsync(await ClientDataLinkAsync(), ("confirm", "erase"));

        Assert.Contains("Everything but your coaching agreement has been erased", await erased.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var kept = (await App.Get<EngagementStore>().GetAsync(_drive.Id, Ct))!;
        Assert.Equal(Stage.Contracted, kept.Stage);
        Assert.Equal(("Ada Lovelace", LifecycleDriver.ClientEmail, SampleIntake.Json()["goals"]!.GetValue<string>()), (kept.Intake.Name, kept.Intake.Email, kept.Intake.Goals));
        Assert.Equal((MentalHealthSupport.Erased, (string?)null, (string?)null, 0), (kept.Intake.SeeingMentalHealthProfessional, kept.Intake.MentalHealthNote, kept.Intake.HeardFrom, kept.Intake.FocusAreas.Count));
        Assert.Null(kept.Chemistry);
        var records = App.Get<EngagementRecords>();
        Assert.Equal("Ada King Lovelace", (await records.GetAsync<AgreementSignature>(_drive.Id, EngagementRecords.Agreement, Ct))!.SignedName);
        Assert.Null(await records.GetAsync<Reflection>(_drive.Id, EngagementRecords.ReflectionOf(Actor.Client), Ct));
        Assert.Null(await records.GetAsync<TriageRecord>(_drive.Id, EngagementRecords.Triage, Ct));
        Assert.Empty(await _drive.TimelineAsync());
        Assert.Empty(await _drive.EmailsToAsync(LifecycleDriver.ClientEmail));
        Assert.True((await App.Get<ErasureTombstones>().GetAsync(_drive.Id, Ct))!.ContractKept);

        // The coach's link, from the enquiry email they kept in their own inbox.
        var coachLink = App.Get<Infrastructure.Links.PublicLinks>().Data(_drive.Id, Actor.Coach).PathAndQuery;
        await _drive.PostAsync(coachLink, ("confirm", "erase"));

        Assert.Null(await App.Get<EngagementStore>().GetAsync(_drive.Id, Ct));
        Assert.Null(await records.GetAsync<AgreementSignature>(_drive.Id, EngagementRecords.Agreement, Ct));
    }

    private async Task<string> ClientDataLinkAsync() =>
        await _drive.LinkAsync(LifecycleDriver.ClientEmail, "Thank you for getting in touch", EngagementMailer.YourDataLabel);

    private async Task<JsonObject> ExportAsync(string dataLink)
    {
        var response = await Client.GetAsync(dataLink + "/export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }
}
