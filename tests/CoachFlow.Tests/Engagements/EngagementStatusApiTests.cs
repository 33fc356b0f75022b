using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Engagements;

public sealed class EngagementStatusApiTests() : AppTest(new CoachFlowApp(fakeClock: true))
{
    private string _id = string.Empty;
    private Uri _statusUrl = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var accepted = await (await SampleIntake.PostJsonAsync(Client, SampleIntake.Json())).Content.ReadFromJsonAsync<JsonObject>(Ct);
        _id = accepted!["engagementId"]!.GetValue<string>();
        _statusUrl = new Uri(accepted["statusUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_signed_status_url_answers_received_with_timestamps()
    {
        var response = await Client.GetAsync(_statusUrl.PathAndQuery, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var status = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal(_id, status!["engagementId"]!.GetValue<string>());
        Assert.Equal("Received", status["stage"]!.GetValue<string>());
        Assert.Equal(CoachFlowApp.Start, status["createdAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(CoachFlowApp.Start, status["updatedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal(5, status.Count);
        Assert.NotNull(status["timeline"]!.AsArray());
    }

    [Fact]
    public async Task A_missing_token_is_404()
    {
        var response = await Client.GetAsync($"/api/engagements/{_id}/status", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_tampered_token_is_404()
    {
        var token = Token(_statusUrl);
        var tampered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        var response = await Client.GetAsync($"/api/engagements/{_id}/status?token={tampered}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Another_engagements_token_is_404()
    {
        var other = await (await SampleIntake.PostJsonAsync(Client, SampleIntake.Json())).Content.ReadFromJsonAsync<JsonObject>(Ct);
        var otherToken = Token(new Uri(other!["statusUrl"]!.GetValue<string>()));

        var response = await Client.GetAsync($"/api/engagements/{_id}/status?token={otherToken}", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_404()
    {
        App.Clock.Advance(PublicLinks.StatusLinkLifetime + TimeSpan.FromSeconds(1));

        var response = await Client.GetAsync(_statusUrl.PathAndQuery, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_for_an_unknown_id_gets_the_same_404_as_a_bad_token()
    {
        var unknown = EngagementIds.New();
        var token = App.Get<LinkSigner>().Issue(unknown, Actor.Client, LinkAction.ViewStatus, TimeSpan.FromDays(1));

        var unknownResponse = await Client.GetAsync($"/api/engagements/{unknown.Value}/status?token={token}", Ct);
        var badTokenResponse = await Client.GetAsync($"/api/engagements/{_id}/status?token=nope", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknownResponse.StatusCode);
        static async Task<string> WithoutTraceId(HttpResponseMessage r)
        {
            var problem = (await r.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
            problem.Remove("traceId");
            return problem.ToJsonString();
        }

        Assert.Equal(await WithoutTraceId(badTokenResponse), await WithoutTraceId(unknownResponse));
    }

    private static string Token(Uri statusUrl) => statusUrl.Query["?token=".Length..];
}
