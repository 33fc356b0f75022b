using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CoachFlow.Infrastructure.Http;
using CoachFlow.Infrastructure.Intake;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.BrowserSecurity;

/// <summary>
/// Every response carries the browser security headers right for what it is: the intake form may be framed by the
/// coach's configured site and nothing else, every other page by nobody; no page may run a script it did not ship
/// (no <c>unsafe-inline</c>), and the inline style and script it does ship are allowed by their exact hashes.
/// </summary>
public sealed partial class SecurityHeadersTests() : AppTest(new CoachFlowApp(Settings), followRedirects: false)
{
    public const string CoachSite = "https://www.sam-rivers.example";

    private static readonly Dictionary<string, string?> Settings = new() { ["CoachFlow:Intake:EmbedOrigins:0"] = CoachSite };

    private static readonly HashSet<string> Embeddable = [IntakeApi.ShowFormRoute, IntakeApi.ShowThanksRoute, IntakeApi.SubmitRoute];

    /// <summary>Every route both hosts serve, with a made-up token where one goes, plus an unknown path and a wrong method.</summary>
    public static TheoryData<string, string, string> Requests()
    {
        var requests = new TheoryData<string, string, string>();
        foreach (var route in CoachFlowRoutes.All)
        {
            requests.Add(route.Name, route.Method, TokenPattern().Replace(route.Pattern, "not-a-real-token"));
        }

        requests.Add("(none)", "GET", "/no/such/page");
        requests.Add("(none)", "DELETE", "/intake");
        return requests;
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Every_response_carries_the_headers_for_what_it_is(string route, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Headers = { Accept = { new MediaTypeWithQualityHeaderValue("text/html") } } };
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([]);
        }

        using var response = await Client.SendAsync(request, Ct);

        AssertHeaders(response, embeddable: Embeddable.Contains(route), https: false);
    }

    [Fact]
    public async Task The_intake_forms_own_script_and_style_are_exactly_what_its_policy_allows()
    {
        using var response = await Client.GetAsync("/intake", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var csp = Directives(response);

        Assert.Equal([$"'sha256-{Sha256(Inline(html, "script"))}'"], csp["script-src"]);
        Assert.Equal([$"'sha256-{Sha256(Inline(html, "style"))}'"], csp["style-src"]);
        Assert.DoesNotMatch("<[a-z]+[^>]* (style|on[a-z]+)=", html);
    }

    [Fact]
    public async Task Other_pages_may_run_no_script_and_carry_only_the_allowed_style()
    {
        using var response = await Client.GetAsync("/act/not-a-real-token", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        var csp = Directives(response);

        Assert.False(csp.ContainsKey("script-src"));
        Assert.Equal(["'none'"], csp["default-src"]);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Equal([$"'sha256-{Sha256(Inline(html, "style"))}'"], csp["style-src"]);
    }

    [Fact]
    public async Task The_functions_app_sends_the_same_headers_and_hsts()
    {
        await using var functions = await FunctionsAppOnEngine.StartAsync(Settings);

        using var intake = await functions.Http.GetAsync("/intake", Ct);
        using var act = await functions.Http.GetAsync("/act/not-a-real-token", Ct);

        AssertHeaders(intake, embeddable: true, https: true);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, act.StatusCode);
        AssertHeaders(act, embeddable: false, https: true);
    }

    private static void AssertHeaders(HttpResponseMessage response, bool embeddable, bool https)
    {
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        var csp = Directives(response);
        Assert.Equal(["'none'"], csp["default-src"]);
        Assert.Equal(["'none'"], csp["base-uri"]);
        Assert.DoesNotContain(csp.Values.SelectMany(v => v), v => v is "'unsafe-inline'" or "'unsafe-eval'" or "*");
        Assert.Equal(embeddable ? [CoachSite] : ["'none'"], csp["frame-ancestors"]);
        Assert.Equal(embeddable ? null : "DENY", Header(response, "X-Frame-Options"));
        Assert.Equal(https ? "max-age=31536000; includeSubDomains" : null, Header(response, "Strict-Transport-Security"));
    }

    private static Dictionary<string, string[]> Directives(HttpResponseMessage response) =>
        Header(response, "Content-Security-Policy")!
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..], StringComparer.Ordinal);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static string Inline(string html, string element)
    {
        var match = Assert.Single(Regex.Matches(html, $"<{element}>(.*?)</{element}>", RegexOptions.Singleline));
        return match.Groups[1].Value;
    }

    private static string Sha256(string text) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"\{[a-z]+\}")]
    private static partial Regex TokenPattern();
}
