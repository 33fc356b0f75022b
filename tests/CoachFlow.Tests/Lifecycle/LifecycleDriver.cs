using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// Plays the client and the coach through the real HTTP surface: submits the intake and follows links
/// from the outbox. The workflow runs on the real engine in real time, so every step waits (up to
/// <see cref="Patience"/>) for what it expects to happen, and says what it saw when it does not.
/// </summary>
public sealed class LifecycleDriver(IServiceProvider services, HttpClient client)
{
    public LifecycleDriver(CoachFlowApp app, HttpClient client)
        : this(app.Services, client)
    {
    }

    public const string ClientEmail = "ada@example.com";
    public const string CoachEmail = "sam@coach.example";

    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(45);

    public EngagementId Id { get; private set; }

    /// <summary>The client's address: <see cref="ClientEmail"/> unless <see cref="StartAsync"/> was given another.</summary>
    public string Inbox { get; private set; } = ClientEmail;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Follows an engagement submitted some other way.</summary>
    public LifecycleDriver Following(EngagementId id)
    {
        Id = id;
        return this;
    }

    /// <summary>Submits the sample intake and waits for the workflow to pick it up (past <see cref="Stage.Received"/>).</summary>
    public async Task<EngagementId> StartAsync(string name = "Ada Lovelace", string therapy = "no", string? mentalHealthNote = null, string? goals = null, string email = ClientEmail)
    {
        var body = SampleIntake.Json();
        body["name"] = name;
        body["email"] = email;
        Inbox = email;
        if (goals is not null)
        {
            body["goals"] = goals;
        }

        body["seeingMentalHealthProfessional"] = therapy;
        if (mentalHealthNote is not null)
        {
            body["mentalHealthNote"] = mentalHealthNote;
        }

        var response = await SampleIntake.PostJsonAsync(client, body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(EngagementId.TryParse(accepted!["engagementId"]!.GetValue<string>(), out var id));
        Id = id;
        await EventuallyAsync(async () => await StageAsync() is not Stage.Received, "the workflow to start");
        return id;
    }

    /// <summary>Waits (up to <see cref="Patience"/> or <paramref name="within"/>) for the workflow instance to end, failed or not; with its failure details.</summary>
    public async Task<OrchestrationMetadata> EndAsync(TimeSpan? within = null)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        patience.CancelAfter(within ?? Patience);
        try
        {
            return await Get<DurableTaskClient>().WaitForInstanceCompletionAsync(Id.Value, getInputsAndOutputs: true, patience.Token);
        }
        catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
        {
            Assert.Fail($"Waited {(within ?? Patience).TotalSeconds:0} s for the workflow to end. Stage {await StageAsync()}.");
            throw;
        }
    }

    public async Task<Stage> StageAsync() => (await Get<EngagementStore>().GetAsync(Id, Ct))!.Stage;

    public async Task WaitForStageAsync(Stage stage, TimeSpan? within = null) =>
        await EventuallyAsync(async () => await StageAsync() == stage, $"stage {stage}", within);

    /// <summary>
    /// Emails to <paramref name="to"/>, oldest first: once <see cref="StartAsync"/> or <see cref="Following"/> ran, only this engagement's, as other
    /// engagements of the same host may be running alongside; before, all of them.
    /// </summary>
    public async Task<IReadOnlyList<OutboxEmail>> EmailsToAsync(string to)
    {
        var emails = new List<OutboxEmail>();
        var engagement = Id.Value;
        var rows = engagement is null
            ? Get<CoachFlowTables>().Get(TableName.Outbox).QueryAsync<OutboxEntity>(e => e.PartitionKey == OutboxEntity.PartitionKeyValue && e.To == to, cancellationToken: Ct)
            : Get<CoachFlowTables>().Get(TableName.Outbox).QueryAsync<OutboxEntity>(e => e.PartitionKey == OutboxEntity.PartitionKeyValue && e.EngagementId == engagement && e.To == to, cancellationToken: Ct);
        await foreach (var row in rows)
        {
            emails.Add(row.ToEmail());
        }

        return [.. emails.OrderBy(e => e.SentAt)];
    }

    /// <summary>Waits for an email to <paramref name="to"/> whose subject starts with <paramref name="subject"/>; there must be exactly one.</summary>
    public async Task<OutboxEmail> EmailAsync(string to, string subject, TimeSpan? within = null)
    {
        await EventuallyAsync(async () => (await EmailsToAsync(to)).Any(e => e.Subject.StartsWith(subject, StringComparison.Ordinal)), $"an email to {to} starting \"{subject}\"", within);
        return Assert.Single(await EmailsToAsync(to), e => e.Subject.StartsWith(subject, StringComparison.Ordinal));
    }

    public async Task<string> LinkAsync(string to, string subject, string label) =>
        Assert.Single((await EmailAsync(to, subject)).Links, l => l.Label.Contains(label, StringComparison.Ordinal)).Url.PathAndQuery;

    public async Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields) =>
        await client.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))), Ct);

    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync() => await Get<EngagementTimeline>().ListAsync(Id, Ct);

    public async Task<IReadOnlyList<string>> StagesRecordedAsync() =>
        [.. (await TimelineAsync()).Where(e => e.Kind == "Stage").Select(e => e.Summary["Stage: ".Length..])];

    /// <summary>The coach withdraws the engagement from the workspace (signing in first), with an optional note and referral.</summary>
    public async Task<HttpResponseMessage> WithdrawAsync(params (string Name, string Value)[] fields)
    {
        var workspace = new CoachWorkspaceClient(client, Get<OutboxStore>(), CoachEmail);
        await workspace.SignInAsync();
        return await workspace.PostFromAsync($"/coach/engagements/{Id.Value}", $"/coach/engagements/{Id.Value}/act/WithdrawEngagement", fields);
    }

    public async Task InviteAsync()
    {
        var response = await PostAsync(await LinkAsync(CoachEmail, "New enquiry", "Invite"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForStageAsync(Stage.AwaitingBooking);
    }

    /// <summary>
    /// Books the first free slot at or after <paramref name="notBefore"/> through a booking link; returns its start.
    /// When another engagement of the same host takes that slot first, books the next one, as a client would.
    /// </summary>
    public async Task<DateTimeOffset> BookAsync(string bookingLink, DateTimeOffset? notBefore = null)
    {
        DateTimeOffset start;
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, bookingLink);
            request.Headers.Accept.ParseAdd("application/json");
            var slots = await (await client.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonObject>(Ct);
            start = slots!["slots"]!.AsArray()
                .Select(s => DateTimeOffset.Parse(s!["start"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture))
                .First(s => notBefore is null || s >= notBefore);
            response = await PostAsync(bookingLink, ("slot", start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)));
        }
        while (response.StatusCode == HttpStatusCode.Conflict && ++attempts < 5);

        Assert.True(response.StatusCode == HttpStatusCode.SeeOther, $"Booking {start:O} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        await WaitForStageAsync(Stage.ChemistryScheduled);
        return start;
    }

    /// <summary>Books the first free slot through the invitation's link; returns its start.</summary>
    public async Task<DateTimeOffset> BookFirstSlotAsync(DateTimeOffset? notBefore = null) =>
        await BookAsync(await LinkAsync(Inbox, "Sam Rivers Coaching would love to meet you", "Choose a time"), notBefore);

    /// <summary>The coach's "Session held" link from the booking email (the <paramref name="booking"/>-th one, counting from 1).</summary>
    public async Task<string> CoachSessionLinkAsync(string label, int booking = 1)
    {
        await EventuallyAsync(async () => (await BookedEmailsToCoachAsync()).Count >= booking, $"booking email {booking} to the coach");
        return (await BookedEmailsToCoachAsync())[booking - 1].Links.Single(l => l.Label == label).Url.PathAndQuery;
    }

    /// <summary>The coach says the session happened: the reflections go out at once.</summary>
    public async Task HoldSessionAsync(int booking = 1)
    {
        var response = await PostAsync(await CoachSessionLinkAsync("Session held", booking));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await WaitForStageAsync(Stage.AwaitingDecisions);
    }

    /// <summary>Invites, books and holds the session: the engagement ends up awaiting decisions.</summary>
    public async Task ThroughSessionAsync()
    {
        await InviteAsync();
        await BookFirstSlotAsync();
        await HoldSessionAsync();
    }

    public async Task<HttpResponseMessage> ReflectAsync(Actor who, string decision, params (string Name, string Value)[] more)
    {
        var link = who == Actor.Coach
            ? await LinkAsync(CoachEmail, "Your reflection on", "Record your reflection")
            : await LinkAsync(Inbox, "How did it feel?", "Share your reflection");
        return await PostAsync(link, [("decision", decision), .. more]);
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming what was awaited, the stage and the timeline.</summary>
    public async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var patience = within ?? Patience;
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var timeline = string.Join("; ", (await TimelineAsync()).Select(e => e.Summary));
                Assert.Fail($"Waited {patience.TotalSeconds:0} s for {what}. Stage {await StageAsync()}; timeline: {timeline}");
            }

            await Task.Delay(100, Ct);
        }
    }

    private T Get<T>()
        where T : notnull => services.GetRequiredService<T>();

    private async Task<List<OutboxEmail>> BookedEmailsToCoachAsync() =>
        [.. (await EmailsToAsync(CoachEmail)).Where(e => e.Subject.StartsWith("Chemistry session booked", StringComparison.Ordinal) || e.Subject.StartsWith("Chemistry session moved", StringComparison.Ordinal))];
}
