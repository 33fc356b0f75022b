using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.LocalHost.Workflow;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// Plays the client and the coach through the real HTTP surface: submits the intake, follows links
/// from the outbox, and moves the fake clock, waiting for the workflow to settle after each step.
/// </summary>
public sealed class LifecycleDriver(CoachFlowApp app, HttpClient client)
{
    public const string ClientEmail = "ada@example.com";
    public const string CoachEmail = "sam@coach.example";

    public EngagementId Id { get; private set; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<EngagementId> StartAsync(string name = "Ada Lovelace", string therapy = "no")
    {
        var body = SampleIntake.Json();
        body["name"] = name;
        body["seeingMentalHealthProfessional"] = therapy;
        var response = await SampleIntake.PostJsonAsync(client, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(EngagementId.TryParse(accepted!["engagementId"]!.GetValue<string>(), out var id));
        Id = id;
        await SettleAsync();
        return id;
    }

    public Task SettleAsync() => app.Get<LocalWorkflowRuntime>().WhenIdleAsync(TimeSpan.FromSeconds(60));

    public async Task AdvanceAsync(TimeSpan by)
    {
        app.Clock.Advance(by);
        await SettleAsync();
    }

    public async Task AdvanceToAsync(DateTimeOffset moment) => await AdvanceAsync(moment - app.Clock.GetUtcNow());

    public async Task<Stage> StageAsync() => (await app.Get<EngagementStore>().GetAsync(Id, Ct))!.Stage;

    public async Task<IReadOnlyList<OutboxEmail>> EmailsToAsync(string to) =>
        [.. (await app.Get<OutboxStore>().ListAsync(Ct)).Where(e => e.To == to).OrderBy(e => e.SentAt)];

    /// <summary>The one email to <paramref name="to"/> whose subject starts with <paramref name="subject"/>.</summary>
    public async Task<OutboxEmail> EmailAsync(string to, string subject) =>
        Assert.Single(await EmailsToAsync(to), e => e.Subject.StartsWith(subject, StringComparison.Ordinal));

    public async Task<string> LinkAsync(string to, string subject, string label) =>
        Assert.Single((await EmailAsync(to, subject)).Links, l => l.Label.Contains(label, StringComparison.Ordinal)).Url.PathAndQuery;

    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields)
    {
        var response = await client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), Ct);
        await SettleAsync();
        return response;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync() => await app.Get<EngagementTimeline>().ListAsync(Id, Ct);

    public async Task<IReadOnlyList<string>> StagesRecordedAsync() =>
        [.. (await TimelineAsync()).Where(e => e.Kind == "Stage").Select(e => e.Summary["Stage: ".Length..])];

    public async Task InviteAsync()
    {
        var response = await PostAsync(await LinkAsync(CoachEmail, "New enquiry", "Invite"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Books the first free slot through the client's booking link; returns its start.</summary>
    public async Task<DateTimeOffset> BookFirstSlotAsync()
    {
        var book = await LinkAsync(ClientEmail, "Sam Rivers Coaching would love to meet you", "Choose a time");
        using var request = new HttpRequestMessage(HttpMethod.Get, book);
        request.Headers.Accept.ParseAdd("application/json");
        var slots = await (await client.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct);
        var start = slots!["slots"]![0]!["start"]!.GetValue<string>();
        var response = await PostAsync(book, ("slot", start));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Invites, books and lets the session happen: the engagement ends up awaiting decisions.</summary>
    public async Task ThroughSessionAsync()
    {
        await InviteAsync();
        var start = await BookFirstSlotAsync();
        await AdvanceToAsync(start.AddMinutes(31));
        Assert.Equal(Stage.AwaitingDecisions, await StageAsync());
    }

    public async Task<HttpResponseMessage> ReflectAsync(Actor who, string decision, params (string Name, string Value)[] more)
    {
        var link = who == Actor.Coach
            ? await LinkAsync(CoachEmail, "Your reflection on", "Record your reflection")
            : await LinkAsync(ClientEmail, "How did it feel?", "Share your reflection");
        return await PostAsync(link, [("decision", decision), .. more]);
    }
}
