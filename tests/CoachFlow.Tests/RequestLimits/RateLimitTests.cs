using System.Net;
using System.Net.Http.Json;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.RequestLimits;

/// <summary>
/// Per client address, intake submissions and link POSTs are limited (here to 3 and 2 a minute): the next one
/// gets 429 with Retry-After, as problem+json or a readable page, and stores nothing; another address still gets
/// through; GETs are never limited. The Functions app applies the same limits.
/// </summary>
public sealed class RateLimitTests() : AppTest(new CoachFlowApp(Limits), followRedirects: false)
{
    private static readonly Dictionary<string, string?> Limits = new()
    {
        ["CoachFlow:RateLimits:IntakePerMinute"] = "3",
        ["CoachFlow:RateLimits:LinkPostsPerMinute"] = "2",
        ["CoachFlow:RateLimits:SignInsPerMinute"] = "2",
        ["CoachFlow:RateLimits:ClientAddressHeader"] = "X-Forwarded-For",
    };

    [Fact]
    public async Task The_intake_beyond_the_limit_gets_429_with_retry_after_and_is_not_stored()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await SubmitAsync("203.0.113.7:50123", $"first{i}@example.com")).StatusCode);
        }

        // A client cannot pick its own address: only the entry the proxy appended counts.
        using var refused = await SubmitAsync("192.0.2.1, 203.0.113.7:50999", "fourth@example.com");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(3, (await TableRows.EngagementsAsync(App)).Count);
        Assert.Equal(HttpStatusCode.Accepted, (await SubmitAsync("198.51.100.20", "elsewhere@example.com")).StatusCode);
    }

    [Fact]
    public async Task A_person_over_the_limit_reads_a_page_that_asks_them_to_wait_and_says_nothing_was_lost()
    {
        for (var i = 0; i < 3; i++)
        {
            await SubmitAsync("203.0.113.8", $"page{i}@example.com");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake") { Content = new FormUrlEncodedContent([]) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.8");
        request.Headers.Add("Accept", "text/html");
        using var refused = await Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Please wait a moment", page, StringComparison.Ordinal);
        Assert.Contains("Please wait a minute and try again; nothing you sent before has been lost.", page, StringComparison.Ordinal);
        Assert.True(refused.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task Link_posts_are_limited_and_link_gets_are_not()
    {
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/act/not-a-real-token", "203.0.113.9")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "/act/not-a-real-token", "203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "/book/not-a-real-token", "203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(HttpMethod.Post, "/data/not-a-real-token", "203.0.113.9")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Post, "/data/not-a-real-token", "203.0.113.10")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_requests_and_sign_in_link_posts_share_one_limit()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/coach/sign-in", "203.0.113.11")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/coach/sign-in/not-a-real-token", "203.0.113.11")).StatusCode);

        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(HttpMethod.Post, "/coach/sign-in", "203.0.113.11")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await SendAsync(HttpMethod.Post, "/coach/sign-in/not-a-real-token", "203.0.113.11")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(HttpMethod.Get, "/coach", "203.0.113.11")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Post, "/coach/sign-in", "203.0.113.12")).StatusCode);
    }

    [Fact]
    public async Task The_functions_app_applies_the_same_limit()
    {
        await using var functions = await FunctionsAppOnEngine.StartAsync(new Dictionary<string, string?> { ["CoachFlow:RateLimits:IntakePerMinute"] = "1" });

        using var first = await functions.Http.PostAsJsonAsync("/api/intake", SampleIntake.Json(), Ct);
        using var second = await functions.Http.PostAsJsonAsync("/api/intake", SampleIntake.Json(), Ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.True(second.Headers.Contains("Retry-After"));
    }

    private async Task<HttpResponseMessage> SubmitAsync(string forwardedFor, string email)
    {
        var body = SampleIntake.Json();
        body["email"] = email;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/intake") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await Client.SendAsync(request, Ct);
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string forwardedFor)
    {
        using var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? new FormUrlEncodedContent([]) : null };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        request.Headers.Add("Accept", "text/html");
        return await Client.SendAsync(request, Ct);
    }
}
