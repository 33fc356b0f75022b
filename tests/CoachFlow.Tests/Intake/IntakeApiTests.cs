using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Tests.Intake;

public sealed class IntakeApiTests() : AppTest(new CoachFlowApp(fakeClock: true), followRedirects: false)
{
    [Fact]
    public async Task Json_intake_is_stored_before_a_202_with_location_and_status_url()
    {
        var response = await SampleIntake.PostJsonAsync(Client, SampleIntake.Json());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        var id = body!["engagementId"]!.GetValue<string>();
        var statusUrl = body["statusUrl"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", id);
        Assert.Equal(statusUrl, response.Headers.Location!.ToString());
        Assert.StartsWith($"http://localhost:7071/api/engagements/{id}/status?token=", statusUrl, StringComparison.Ordinal);

        var row = Assert.Single(await TableRows.AllAsync(App, TableName.Engagements));
        Assert.Equal(id, row.PartitionKey);
        Assert.Equal("Received", row.GetString("Stage"));
        Assert.Equal("Ada Lovelace", row.GetString("Name"));
        Assert.Equal("America/Los_Angeles", row.GetString("TimeZone"));
        Assert.Equal("[\"Communication\",\"Reactions under stress\"]", row.GetString("FocusAreas"));
        Assert.Equal("No", row.GetString("SeeingMentalHealthProfessional"));
    }

    [Fact]
    public async Task Ids_are_distinct_across_intakes()
    {
        var first = await (await SampleIntake.PostJsonAsync(Client, SampleIntake.Json())).Content.ReadFromJsonAsync<JsonObject>(Ct);
        var second = await (await SampleIntake.PostJsonAsync(Client, SampleIntake.Json())).Content.ReadFromJsonAsync<JsonObject>(Ct);

        Assert.NotEqual(first!["engagementId"]!.GetValue<string>(), second!["engagementId"]!.GetValue<string>());
        Assert.Equal(2, (await TableRows.AllAsync(App, TableName.Engagements)).Count);
    }

    [Fact]
    public async Task A_browser_form_post_is_stored_then_redirected_with_303_to_the_thank_you_page()
    {
        var response = await SampleIntake.PostFormAsync(Client, SampleIntake.Form());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/intake/thanks", response.Headers.Location!.ToString());
        var row = Assert.Single(await TableRows.AllAsync(App, TableName.Engagements));
        Assert.Equal("[\"Communication\",\"Reactions under stress\"]", row.GetString("FocusAreas"));
        Assert.Equal("Yes", row.GetString("SeeingMentalHealthProfessional"));
        Assert.Equal("My therapist knows I am looking for a coach.", row.GetString("MentalHealthNote"));

        var thanks = await Client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.OK, thanks.StatusCode);
        Assert.Contains("Thank you", await thanks.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_redirect_replaces_the_thank_you_page()
    {
        await using var app = new CoachFlowApp(new Dictionary<string, string?> { ["CoachFlow:Intake:ThankYouRedirectUrl"] = "https://coach.example/thanks" });
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await SampleIntake.PostFormAsync(client, SampleIntake.Form());

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("https://coach.example/thanks", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Bad_json_input_gets_400_problem_json_with_per_field_errors_and_stores_nothing()
    {
        var body = SampleIntake.Json();
        body["email"] = "not-an-email";
        body["consent"] = false;
        body["focusAreas"] = new JsonArray("Astrology");

        var response = await SampleIntake.PostJsonAsync(Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Equal(["consent", "email", "focusAreas"], errors.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Empty(await TableRows.AllAsync(App, TableName.Engagements));
    }

    [Fact]
    public async Task Wrongly_typed_json_fields_are_named_in_the_errors()
    {
        var body = SampleIntake.Json();
        body["name"] = 42;
        body["focusAreas"] = new JsonArray(1, 2);

        var response = await SampleIntake.PostJsonAsync(Client, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!.AsObject();
        Assert.Equal("Must be a string.", errors["name"]![0]!.GetValue<string>());
        Assert.Equal("Must be an array of strings.", errors["focusAreas"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("[1, 2]")]
    public async Task Malformed_json_gets_400_problem_json(string json)
    {
        var response = await Client.PostAsync("/api/intake", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["body"]);
    }

    [Fact]
    public async Task A_browser_form_with_errors_comes_back_as_a_page_with_input_kept_and_errors_beside_fields()
    {
        var fields = SampleIntake.Form().Where(f => f.Key is not ("email" or "consent")).Append(new("email", "ada@")).ToList();

        var response = await SampleIntake.PostFormAsync(Client, fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"email-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"consent-error\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"email-hint email-error\" aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ada Lovelace\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"ada@\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Communication\" checked", html, StringComparison.Ordinal);
        Assert.Empty(await TableRows.AllAsync(App, TableName.Engagements));
    }

    [Fact]
    public async Task A_form_post_from_a_non_browser_gets_problem_json_errors()
    {
        var fields = SampleIntake.Form().Where(f => f.Key != "name").ToList();

        var response = await SampleIntake.PostFormAsync(Client, fields, asBrowser: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["errors"]!["name"]);
    }

    [Fact]
    public async Task Client_input_is_html_encoded_when_the_form_is_shown_again()
    {
        var fields = SampleIntake.Form().Where(f => f.Key is not ("name" or "consent")).Append(new("name", "<script>alert(1)</script>")).ToList();

        var html = await (await SampleIntake.PostFormAsync(Client, fields)).Content.ReadAsStringAsync(Ct);

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_32_KB_gets_413_and_stores_nothing()
    {
        var body = SampleIntake.Json();
        body["goals"] = new string('g', 33 * 1024);

        var response = await SampleIntake.PostJsonAsync(Client, body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Empty(await TableRows.AllAsync(App, TableName.Engagements));
    }

    [Fact]
    public async Task A_chunked_body_over_32_KB_without_content_length_gets_413()
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { name = "Ada", goals = new string('g', 40 * 1024) });
        using var content = new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_body_of_exactly_32_KB_is_read()
    {
        var json = SampleIntake.Json().ToJsonString();
        json += new string(' ', 32 * 1024 - Encoding.UTF8.GetByteCount(json));

        var response = await Client.PostAsync("/api/intake", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Other_media_types_get_415(string contentType)
    {
        using var content = new ByteArrayContent("name=Ada"u8.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        var response = await Client.PostAsync("/api/intake", content, Ct);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_filled_honeypot_looks_accepted_but_stores_nothing()
    {
        var body = SampleIntake.Json();
        body["website"] = "http://spam.example";

        var json = await SampleIntake.PostJsonAsync(Client, body);
        var form = await SampleIntake.PostFormAsync(Client, SampleIntake.Form().Where(f => f.Key != "website").Append(new("website", "spam")));

        Assert.Equal(HttpStatusCode.Accepted, json.StatusCode);
        var decoy = (await json.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
        var decoyId = decoy["engagementId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", decoyId);
        Assert.Contains($"/api/engagements/{decoyId}/status?token=", decoy["statusUrl"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(decoy["statusUrl"]!.GetValue<string>(), json.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.SeeOther, form.StatusCode);
        Assert.Empty(await TableRows.AllAsync(App, TableName.Engagements));
        Assert.Empty(await TableRows.AllAsync(App, TableName.IntakeKeys));
    }

    [Fact]
    public async Task The_same_idempotency_key_header_returns_the_same_engagement_and_stores_one_engagement()
    {
        async Task<string> PostAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake") { Content = JsonContent.Create(SampleIntake.Json()) };
            request.Headers.Add("Idempotency-Key", "retry-7f3c");
            var response = await Client.SendAsync(request, Ct);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["engagementId"]!.GetValue<string>();
        }

        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => PostAsync()));

        Assert.Single(ids.Distinct());
        Assert.Single(await TableRows.EngagementsAsync(App));
    }

    [Fact]
    public async Task A_repeat_after_the_workflow_ended_does_not_start_it_again()
    {
        var workflows = App.Get<DurableTaskClient>();
        var id = await PostWithKeyAsync("ended-once");
        await workflows.WaitForInstanceStartAsync(id, Ct);
        await workflows.TerminateInstanceAsync(id, cancellation: Ct);
        var ended = await workflows.WaitForInstanceCompletionAsync(id, Ct);

        var repeat = await PostWithKeyAsync("ended-once");

        Assert.Equal(id, repeat);
        var instance = await workflows.GetInstanceAsync(id, Ct);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, instance!.RuntimeStatus);
        Assert.Equal(ended.CreatedAt, instance.CreatedAt);
    }

    [Fact]
    public async Task A_repeat_starts_the_workflow_that_a_first_attempt_stored_but_never_started()
    {
        // The first attempt stored the engagement under its key, then died before starting the workflow.
        var answers = new IntakeAnswers("Ada Lovelace", "ada@example.com", "America/Los_Angeles", "Lead well.", [], MentalHealthSupport.No, null, null);
        var stored = await App.Get<EngagementStore>().CreateAsync(EngagementIds.New(), answers, "died-early", CoachFlowApp.Start, Ct);
        Assert.Null(await App.Get<DurableTaskClient>().GetInstanceAsync(stored.Engagement.Id.Value, Ct));

        var repeat = await PostWithKeyAsync("died-early");

        Assert.Equal(stored.Engagement.Id.Value, repeat);
        Assert.NotNull(await App.Get<DurableTaskClient>().GetInstanceAsync(repeat, Ct));
    }

    [Fact]
    public async Task The_same_idempotency_key_field_in_a_form_yields_one_engagement()
    {
        var fields = SampleIntake.Form().Append(new("idempotencyKey", "form-render-1")).ToList();

        await SampleIntake.PostFormAsync(Client, fields);
        await SampleIntake.PostFormAsync(Client, fields);

        Assert.Single(await TableRows.EngagementsAsync(App));
    }

    [Fact]
    public async Task An_idempotency_key_reused_with_another_email_is_another_engagement()
    {
        var first = SampleIntake.Json();
        first["idempotencyKey"] = "shared";
        var second = SampleIntake.Json();
        second["idempotencyKey"] = "shared";
        second["email"] = "grace@example.com";

        await SampleIntake.PostJsonAsync(Client, first);
        await SampleIntake.PostJsonAsync(Client, second);

        Assert.Equal(2, (await TableRows.EngagementsAsync(App)).Count);
    }

    [Fact]
    public async Task The_intake_page_is_an_accessible_form_with_every_field_labelled()
    {
        var response = await Client.GetAsync("/intake", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\" action=\"/api/intake\">", html, StringComparison.Ordinal);
        foreach (var id in new[] { "name", "email", "goals", "timeZone", "mentalHealthNote", "heardFrom", "consent", "mh-yes", "mh-no", "mh-preferNotToSay", "focus-0", "website" })
        {
            Assert.Contains($"<label for=\"{id}\"", html.Replace("<label class=\"choice\" for=", "<label for=", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("Reactions under stress", html, StringComparison.Ordinal);
        Assert.Matches("name=\"idempotencyKey\" value=\"[0-9a-f]{32}\"", html);
        Assert.Contains("value=\"Europe/London\"", html, StringComparison.Ordinal);
    }

    private async Task<string> PostWithKeyAsync(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake") { Content = JsonContent.Create(SampleIntake.Json()) };
        request.Headers.Add("Idempotency-Key", key);
        var response = await Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["engagementId"]!.GetValue<string>();
    }
}
