using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CoachFlow.Tests.TestSupport;
using Microsoft.Playwright;

namespace CoachFlow.Tests.Browser;

/// <summary>
/// A client and a coach in headless Chromium, through the real local host: the whole pipeline to a
/// signed agreement, and a kind decline. axe-core checks every page; each step is screenshotted to
/// <c>artifacts/screenshots</c> (full page), and with COACHFLOW_DOCS_SCREENSHOTS=1 to
/// <c>docs/screenshots</c> (first screenful) for the README.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed partial class BrowserJourneyTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string Screenshots = Path.Combine(AzuriteFixture.RepositoryRoot, "artifacts", "screenshots");
    private static readonly string DocsScreenshots = Path.Combine(AzuriteFixture.RepositoryRoot, "docs", "screenshots");

    /// <summary>The steps the README shows.</summary>
    private static readonly HashSet<string> DocsSteps =
    [
        "contracted-01-intake", "contracted-04-booking", "contracted-08-fit-record", "contracted-09-agreement", "contracted-12-outbox", "declined-01-coach-decline",
        "workspace-03-pipeline", "workspace-04-engagement",
    ];

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _blocked = new();
    private RunningHost _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private HttpClient _http = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Chromium), $"Debian's chromium is required at {Chromium} (.ci/run installs it).");
        _host = await RunningHost.StartAsync();
        _http = new HttpClient { BaseAddress = _host.BaseUrl };
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        _http.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task A_client_goes_from_the_intake_form_to_a_signed_agreement()
    {
        var page = await NewPageAsync();
        await VisitAsync(page, "/intake", "contracted-01-intake");
        await page.FillAsync("#name", "Ada Lovelace");
        await page.FillAsync("#email", "ada.browser@example.com");
        await page.FillAsync("#goals", "I want to lead my new team with more confidence and less stress.");
        await page.CheckAsync("text=Communication");
        await page.CheckAsync("#mh-no");
        await page.FillAsync("#timeZone", "America/New_York");
        await page.CheckAsync("#consent");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/intake/thanks");
        await CheckAsync(page, "contracted-02-thanks");

        await VisitAsync(page, await LinkAsync("sam@coach.example", "New enquiry: Ada Lovelace", "Invite"), "contracted-03-coach-invite");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=Invitation on its way");

        await VisitAsync(page, await LinkAsync("ada.browser@example.com", "Sam Rivers Coaching would love to meet you", "Choose a time"), "contracted-04-booking");
        await page.ClickAsync("button[name=slot]");
        await page.WaitForSelectorAsync("text=You're booked");
        await CheckAsync(page, "contracted-05-booked");

        // The coach talked to Ada earlier than booked (by phone): "Session held" sends the reflections now.
        await VisitAsync(page, await LinkAsync("sam@coach.example", "Chemistry session booked: Ada Lovelace", "Session held"), "contracted-05b-session-held");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=Reflections on their way");

        await VisitAsync(page, await LinkAsync("ada.browser@example.com", "How did it feel?", "Share your reflection"), "contracted-06-client-reflection");
        await page.CheckAsync("#safe-yes");
        await page.CheckAsync("#decision-yes");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=Your reflection is recorded");

        await VisitAsync(page, await LinkAsync("sam@coach.example", "Your reflection on Ada Lovelace", "Record your reflection"), "contracted-07-coach-reflection");
        await page.CheckAsync("#decision-yes");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=Ada Lovelace's reflection");
        await CheckAsync(page, "contracted-08-fit-record");

        await VisitAsync(page, await LinkAsync("ada.browser@example.com", "You both said yes", "Read and accept"), "contracted-09-agreement");
        await page.CheckAsync("#accept");
        await page.FillAsync("#signature", "Ada King Lovelace");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=Welcome aboard");
        await CheckAsync(page, "contracted-10-welcome");

        await WaitForStageAsync(page, await LinkAsync("ada.browser@example.com", "Thank you for getting in touch", "Follow progress"), "Contracted");
        await CheckAsync(page, "contracted-11-status");

        await VisitAsync(page, "/dev/outbox", "contracted-12-outbox");
    }

    [Fact]
    public async Task A_coach_declines_kindly_at_triage_with_a_note_and_a_referral()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(new Uri(_host.BaseUrl, "/intake").ToString());
        await page.FillAsync("#name", "Grace Hopper");
        await page.FillAsync("#email", "grace.browser@example.com");
        await page.FillAsync("#goals", "Help me prepare for a salary negotiation next month.");
        await page.CheckAsync("#mh-yes");
        await page.FillAsync("#mentalHealthNote", "I see a counsellor every fortnight.");
        await page.CheckAsync("#consent");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/intake/thanks");

        await VisitAsync(page, await LinkAsync("sam@coach.example", "New enquiry: Grace Hopper", "Decline"), "declined-01-coach-decline");
        await page.FillAsync("#note", "Negotiation coaching is a specialism of its own; Jo is excellent at it.");
        await page.FillAsync("#referral", "Jo Park, negotiation coach");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForSelectorAsync("text=Kind decline on its way");
        await CheckAsync(page, "declined-02-coach-done");

        var decline = await EmailAsync("grace.browser@example.com", "Thank you for getting in touch with Sam Rivers Coaching");
        Assert.Contains("Jo Park, negotiation coach", decline["text"]!.GetValue<string>(), StringComparison.Ordinal);
        await WaitForStageAsync(page, await LinkAsync("grace.browser@example.com", "Thank you for getting in touch, Grace", "Follow progress"), "Declined");
        await CheckAsync(page, "declined-03-status");
    }

    [Fact]
    public async Task A_coach_signs_in_through_the_emailed_link_and_invites_a_new_client_from_the_pipeline()
    {
        using (var intake = await _http.PostAsJsonAsync("/api/intake", new JsonObject
        {
            ["name"] = "Katherine Johnson",
            ["email"] = "katherine.browser@example.com",
            ["timeZone"] = "America/New_York",
            ["goals"] = "I am stepping up to lead a research group and want to do it well.",
            ["seeingMentalHealthProfessional"] = "yes",
            ["mentalHealthNote"] = "I see a therapist monthly.",
            ["consent"] = true,
        }, Ct))
        {
            intake.EnsureSuccessStatusCode();
        }

        // Without a session: the sign-in page, and nothing about anyone.
        var page = await NewPageAsync();
        await VisitAsync(page, "/coach", "workspace-01-sign-in");
        Assert.DoesNotContain("Katherine", await page.ContentAsync(), StringComparison.Ordinal);
        await page.FillAsync("#email", "sam@coach.example");
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForSelectorAsync("text=a sign-in link is on its way");

        var link = await LinkAsync("sam@coach.example", "Your sign-in link", "Sign in");
        var forged = link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..];
        Assert.Equal(404, (await page.GotoAsync(new Uri(_host.BaseUrl, forged).ToString()))!.Status);

        await VisitAsync(page, link, "workspace-02-sign-in-link");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/coach");
        await ReloadUntilAsync(page, "/coach", "#stage-AwaitingCoachTriage + ul >> text=Katherine Johnson");
        await CheckAsync(page, "workspace-03-pipeline");

        await page.ClickAsync("text=Katherine Johnson");
        await page.WaitForSelectorAsync("text=Their note about it");
        await CheckAsync(page, "workspace-04-engagement");
        var engagementPath = new Uri(page.Url).AbsolutePath;

        // A used link does not sign in again.
        var stranger = await NewPageAsync();
        Assert.Equal(404, (await stranger.GotoAsync(new Uri(_host.BaseUrl, link).ToString()))!.Status);

        // A form on another site posting to the workspace: the browser sends no session cookie (SameSite=Strict) and
        // the form has no token, so nothing happens (the invitation below is still open).
        await page.GotoAsync("about:blank");
        await page.SetContentAsync($"<form method=\"post\" action=\"{new Uri(_host.BaseUrl, engagementPath)}/act/DeclineAtTriage\"><button>Go</button></form>");
        await page.ClickAsync("button");
        await page.WaitForSelectorAsync("text=Sign in to your workspace");

        await page.GotoAsync(new Uri(_host.BaseUrl, engagementPath).ToString());
        await page.ClickAsync("text=Yes, send the invitation");
        await page.WaitForSelectorAsync("text=Invitation on its way");
        await ReloadUntilAsync(page, "/coach", "#stage-AwaitingBooking + ul >> text=Katherine Johnson");
        await CheckAsync(page, "workspace-05-invited");
        await EmailAsync("katherine.browser@example.com", "Sam Rivers Coaching would love to meet you");

        await page.GotoAsync(new Uri(_host.BaseUrl, engagementPath).ToString());
        await page.ClickAsync("button:has-text(\"Resend the client's link\")");
        await page.WaitForSelectorAsync("text=The client's link is on its way to them again.");
        await EmailAsync("katherine.browser@example.com", "A gentle reminder: choose a time");
    }

    private async Task ReloadUntilAsync(IPage page, string path, string selector)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync(new Uri(_host.BaseUrl, path).ToString());
            if (await page.Locator(selector).CountAsync() > 0)
            {
                return;
            }

            await Task.Delay(500, Ct);
        }

        Assert.Fail($"{path} never showed {selector}: {await page.InnerTextAsync("main")}");
    }

    private async Task<IPage> NewPageAsync(ViewportSize? viewport = null)
    {
        // A phone-sized viewport: the pages must read well there, and the screenshots stay small.
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? new ViewportSize { Width = 412, Height = 915 } });
        var page = await context.NewPageAsync();

        // Chromium reports what a page's Content-Security-Policy blocked on the console: a page must work under its own policy.
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                _blocked.Enqueue($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    private async Task VisitAsync(IPage page, string path, string step)
    {
        var response = await page.GotoAsync(new Uri(_host.BaseUrl, path).ToString());
        Assert.True(response!.Ok, $"{path} answered {response.Status}");
        await CheckAsync(page, step);
    }

    /// <summary>Nothing blocked by the page's policy, axe-core on the page (no serious or critical violations), then a full-page screenshot.</summary>
    private async Task CheckAsync(IPage page, string step)
    {
        Assert.Empty(_blocked);

        // Evaluated through the browser's debugging protocol: a script tag would be (rightly) refused by the page's policy.
        await page.EvaluateAsync(await File.ReadAllTextAsync(Path.Combine(AzuriteFixture.RepositoryRoot, "node_modules", "axe-core", "axe.min.js")));
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length }))");
        var serious = violations.EnumerateArray().Where(v => v.GetProperty("impact").GetString() is "serious" or "critical").Select(v => v.ToString()).ToList();
        Assert.True(serious.Count == 0, $"{step}: {string.Join("; ", serious)}");

        var file = Path.Combine(Screenshots, $"{step}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        if (Environment.GetEnvironmentVariable("COACHFLOW_DOCS_SCREENSHOTS") == "1" && DocsSteps.Contains(step))
        {
            // README copies show the first screenful only, to stay small.
            Directory.CreateDirectory(DocsScreenshots);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(DocsScreenshots, $"{step}.png") });
        }
    }

    private async Task WaitForStageAsync(IPage page, string statusPath, string stage)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            await page.GotoAsync(new Uri(_host.BaseUrl, statusPath).ToString());
            if (await page.Locator($"text=Stage: {stage}").CountAsync() > 0)
            {
                return;
            }

            await Task.Delay(500, Ct);
        }

        Assert.Fail($"The status page never showed {stage}: {await page.InnerTextAsync("main")}");
    }

    /// <summary>The newest email to <paramref name="to"/> whose subject starts with <paramref name="subject"/>, waiting for the workflow to send it.</summary>
    private async Task<JsonObject> EmailAsync(string to, string subject)
    {
        for (var attempt = 0; attempt < 60; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/outbox");
            request.Headers.Accept.ParseAdd("application/json");
            var emails = await (await _http.SendAsync(request, Ct)).Content.ReadFromJsonAsync<JsonArray>(Ct);
            var email = emails!.Select(e => e!.AsObject()).FirstOrDefault(e =>
                e["to"]!.GetValue<string>() == to && e["subject"]!.GetValue<string>().StartsWith(subject, StringComparison.Ordinal));
            if (email is not null)
            {
                return email;
            }

            await Task.Delay(500, Ct);
        }

        throw new InvalidOperationException($"No email to {to} starting '{subject}' arrived.");
    }

    private async Task<string> LinkAsync(string to, string subject, string label)
    {
        var email = await EmailAsync(to, subject);
        var link = email["links"]!.AsArray().Single(l => l!["label"]!.GetValue<string>().Contains(label, StringComparison.Ordinal));
        return new Uri(link!["url"]!.GetValue<string>()).PathAndQuery;
    }
}
