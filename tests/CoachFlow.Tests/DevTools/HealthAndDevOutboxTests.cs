using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.DevTools;

public sealed class HealthAndDevOutboxTests() : AppTest(new CoachFlowApp(fakeClock: true))
{
    [Fact]
    public async Task Health_answers_healthy()
    {
        var response = await Client.GetAsync("/api/health", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_outbox_starts_empty_as_json_and_as_a_page()
    {
        var json = await JsonAsync();
        using var page = await Client.GetAsync("/dev/outbox", Ct);

        Assert.Empty(json);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("No emails yet", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_json_items_carry_to_subject_sent_at_text_html_and_links_newest_first()
    {
        var outbox = App.Get<OutboxStore>();
        var sentAt = CoachFlowApp.Start;
        await outbox.AddAsync(new OutboxEmail("ada@example.com", "First", sentAt, "Hello", "<p>Hello</p>", [new EmailLink("Status", new Uri("http://localhost:7071/s"))], [new EmailAttachment("invite.ics", "text/calendar", "BEGIN:VCALENDAR")]), null, Ct);
        await outbox.AddAsync(new OutboxEmail("sam@coach.example", "Second <b>", sentAt.AddMinutes(1), "Hi", "<p>Hi</p>", [], []), null, Ct);

        var json = await JsonAsync();
        var page = await Client.GetStringAsync("/dev/outbox", Ct);

        Assert.Equal(["Second <b>", "First"], json.Select(e => e!["subject"]!.GetValue<string>()));
        var first = json[1]!.AsObject();
        Assert.Equal(["to", "subject", "sentAt", "text", "html", "links", "attachments"], first.Select(p => p.Key));
        Assert.Equal("invite.ics", first["attachments"]![0]!["fileName"]!.GetValue<string>());
        Assert.Equal("ada@example.com", first["to"]!.GetValue<string>());
        Assert.Equal(sentAt, first["sentAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal("Status", first["links"]![0]!["label"]!.GetValue<string>());
        Assert.Equal("http://localhost:7071/s", first["links"]![0]!["url"]!.GetValue<string>());
        Assert.Contains("Second &lt;b&gt;", page, StringComparison.Ordinal);
    }

    private async Task<JsonArray> JsonAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/outbox");
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await Client.SendAsync(request, Ct);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonArray>(Ct))!;
    }
}

public sealed class ErrorPageTests() : AppTest(new CoachFlowApp())
{
    [Fact]
    public async Task An_unknown_address_is_a_readable_page_for_people_and_problem_json_for_apis()
    {
        using var forPeople = new HttpRequestMessage(HttpMethod.Get, "/no-such-page");
        forPeople.Headers.Accept.ParseAdd("text/html");
        var page = await Client.SendAsync(forPeople, Ct);
        var api = await Client.GetAsync("/api/no-such-thing", Ct);

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Contains("We couldn&#x27;t find that page", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType!.MediaType);
    }
}
