using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>What email links must guarantee: a GET never acts, a repeat is harmless, a forged link is refused.</summary>
public sealed class LinkSafetyTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    private LifecycleDriver _drive = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _drive = new LifecycleDriver(App, Client);
    }

    /// <summary>
    /// One engagement walked to its agreement; at every step each link emailed so far (act, book, reflect,
    /// agreement, data and status, the booking's and the status's JSON and the data export too) is opened,
    /// and nothing the host keeps changes: stage, timeline, records, emails, reservations, workflow.
    /// </summary>
    [Fact]
    public async Task Opening_every_kind_of_link_with_get_changes_nothing_at_any_step()
    {
        await _drive.StartAsync();
        await OpenEverythingAsync(Stage.AwaitingCoachTriage, ["/act/", "/data/", "/api/engagements/"]);
        await _drive.InviteAsync();
        await OpenEverythingAsync(Stage.AwaitingBooking, ["/book/"]);
        await _drive.BookFirstSlotAsync();
        await OpenEverythingAsync(Stage.ChemistryScheduled, ["/book/", "/act/"]);
        await _drive.HoldSessionAsync();
        await OpenEverythingAsync(Stage.AwaitingDecisions, ["/reflect/"]);
        await _drive.ReflectAsync(Actor.Client, "yes");
        await _drive.ReflectAsync(Actor.Coach, "yes");
        await _drive.WaitForStageAsync(Stage.AwaitingAgreement);
        await OpenEverythingAsync(Stage.AwaitingAgreement, ["/agreement/"]);
    }

    /// <summary>Opens every link of every email so far, as a person and as a program, and checks the host kept still; <paramref name="live"/> are the kinds the step's newest emails must offer.</summary>
    private async Task OpenEverythingAsync(Stage stage, string[] live)
    {
        var before = await StoredState.SettledAsync(App, [_drive.Id]);
        var links = (await _drive.EmailsToAsync(LifecycleDriver.ClientEmail)).Concat(await _drive.EmailsToAsync(LifecycleDriver.CoachEmail))
            .SelectMany(e => e.Links).Where(l => l.Url.Authority == "localhost:7071").Select(l => l.Url.PathAndQuery).Distinct(StringComparer.Ordinal).ToList();
        Assert.All(live, kind => Assert.Contains(links, l => l.StartsWith(kind, StringComparison.Ordinal)));
        links.AddRange([.. links.Where(l => l.StartsWith("/data/", StringComparison.Ordinal)).Select(l => l + "/export")]);

        foreach (var link in links)
        {
            foreach (var accept in new[] { "text/html", "application/json" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, link);
                request.Headers.Accept.ParseAdd(accept);
                var response = await Client.SendAsync(request, Ct);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict or HttpStatusCode.Gone, $"GET {link} ({accept}) answered {(int)response.StatusCode} at {stage}");
            }
        }

        // Long enough for any workflow step a GET might have set off to show.
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var after = await StoredState.ReadAsync(App, [_drive.Id]);
        Assert.True(before == after, $"Opening {links.Count} links at {stage} changed:\n{StoredState.Difference(before, after)}");
        Assert.Equal(stage, await _drive.StageAsync());
    }

    [Fact]
    public async Task A_second_post_of_any_action_is_already_recorded()
    {
        await _drive.StartAsync();
        var invite = await _drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Invite");
        var decline = await _drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Decline");

        var first = await _drive.PostAsync(invite);
        await _drive.WaitForStageAsync(Stage.AwaitingBooking);
        var again = await _drive.PostAsync(invite);
        var other = await _drive.PostAsync(decline);

        Assert.Contains("Invitation on its way", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("already recorded", await again.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("already recorded", await other.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
        await _drive.EmailAsync(LifecycleDriver.ClientEmail, "Sam Rivers Coaching would love to meet you");
        Assert.Equal(Stage.AwaitingBooking, await _drive.StageAsync());
    }

    [Fact]
    public async Task Reflections_and_the_agreement_are_recorded_once()
    {
        await _drive.StartAsync();
        await _drive.ThroughSessionAsync();
        var first = await _drive.ReflectAsync(Actor.Client, "yes");
        Assert.Contains("Your reflection is recorded", await first.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var repeat = await _drive.ReflectAsync(Actor.Client, "no");
        Assert.Contains("already recorded", await repeat.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await _drive.ReflectAsync(Actor.Coach, "yes");
        await _drive.WaitForStageAsync(Stage.AwaitingAgreement);

        var agreement = await _drive.LinkAsync(LifecycleDriver.ClientEmail, "You both said yes", "Read and accept");
        await _drive.PostAsync(agreement, ("accept", "yes"), ("signature", "Ada Lovelace"));
        var again = await _drive.PostAsync(agreement, ("accept", "yes"), ("signature", "Someone Else"));

        Assert.Contains("already accepted", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("Ada Lovelace", await again.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await _drive.WaitForStageAsync(Stage.Contracted);
    }

    [Fact]
    public async Task A_script_in_the_clients_name_is_encoded_in_every_email_and_page()
    {
        const string Script = "<script>alert(1)</script>";
        await _drive.StartAsync(name: Script, therapy: "yes");
        await _drive.ThroughSessionAsync();
        var pages = new List<string>
        {
            await Client.GetStringAsync(await _drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Decline"), Ct),
            await Client.GetStringAsync(await _drive.LinkAsync(LifecycleDriver.CoachEmail, "Your reflection on", "Record"), Ct),
        };
        await _drive.ReflectAsync(Actor.Client, "yes");
        await _drive.ReflectAsync(Actor.Coach, "yes");
        pages.Add(await Client.GetStringAsync(await _drive.LinkAsync(LifecycleDriver.ClientEmail, "You both said yes", "Read and accept"), Ct));
        await _drive.EmailAsync(LifecycleDriver.CoachEmail, "You both said yes");
        pages.Add(await Client.GetStringAsync("/dev/outbox", Ct));

        var emails = await App.Get<OutboxStore>().ListAsync(Ct);
        Assert.True(emails.Count >= 9, $"only {emails.Count} emails");
        Assert.All(emails.Select(e => e.Html).Concat(pages), html =>
        {
            Assert.DoesNotContain(Script, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        });
        Assert.All(emails.Where(e => e.To == LifecycleDriver.CoachEmail).Select(e => e.Html), html => Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal));
    }

}

public sealed class FormValidationTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    [Fact]
    public async Task A_reflection_without_a_decision_is_a_400_page_keeping_the_answers()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        await drive.ThroughSessionAsync();
        var link = await drive.LinkAsync(LifecycleDriver.ClientEmail, "How did it feel?", "Share");

        var response = await drive.PostAsync(link, ("safe", "unsure"), ("note", "Still thinking"));
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("id=\"decision-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"unsure\" checked", html, StringComparison.Ordinal);
        Assert.Contains("Still thinking</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(Stage.AwaitingDecisions, await drive.StageAsync());
    }

    [Fact]
    public async Task The_agreement_shows_every_term_and_the_goals_and_needs_a_tick_and_a_typed_name()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        await drive.ThroughSessionAsync();
        await drive.ReflectAsync(Actor.Client, "yes");
        await drive.ReflectAsync(Actor.Coach, "yes");
        await drive.WaitForStageAsync(Stage.AwaitingAgreement);
        var link = await drive.LinkAsync(LifecycleDriver.ClientEmail, "You both said yes", "Read and accept");

        var page = await Client.GetStringAsync(link, Ct);
        foreach (var heading in new[] { "Your goals", "What coaching is, and is not", "Services", "Roles and responsibilities", "Logistics and fees", "Scheduling and cancellation", "Duration and termination", "Confidentiality and its limits" })
        {
            Assert.Contains($"<h2>{heading}</h2>", page, StringComparison.Ordinal);
        }

        Assert.Contains("It is not therapy", page, StringComparison.Ordinal);
        Assert.Contains("I want to lead my team through a reorganisation", page, StringComparison.Ordinal);
        var missing = await drive.PostAsync(link, ("signature", " "));
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var html = await missing.Content.ReadAsStringAsync(Ct);
        Assert.Contains("<p class=\"error\" id=\"accept-error\">Please tick the box to accept the agreement.</p>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"signature-error\"", html, StringComparison.Ordinal);
        Assert.Equal(Stage.AwaitingAgreement, await drive.StageAsync());
    }
}

public sealed class AutoInviteTests() : AppTest(new CoachFlowApp(new Dictionary<string, string?> { ["CoachFlow:AutoInvite"] = "true" }))
{
    [Fact]
    public async Task Auto_invite_skips_triage_and_the_coach_gets_no_triage_links()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();

        await drive.WaitForStageAsync(Stage.AwaitingBooking);
        Assert.Equal(["This enquiry's data"], (await drive.EmailAsync(LifecycleDriver.CoachEmail, "New enquiry")).Links.Select(l => l.Label));
        await drive.EmailAsync(LifecycleDriver.ClientEmail, "Sam Rivers Coaching would love to meet you");
        Assert.Equal(["Received", "AwaitingBooking"], await drive.StagesRecordedAsync());
    }
}

/// <summary>The HTTP side's clock is fixed here, so a link can be made to expire without waiting days.</summary>
public sealed class ExpiredLinkTests() : AppTest(new CoachFlowApp(fakeClock: true), followRedirects: false)
{
    [Fact]
    public async Task Tampered_expired_and_wrong_purpose_tokens_get_a_clear_404_page()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        var invite = await drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Invite");
        var tampered = invite[..^4] + (invite[^4] == 'a' ? "b" : "a") + invite[^3..];
        var statusToken = App.Get<PublicLinks>().Status(drive.Id).Query["?token=".Length..];

        foreach (var path in new[] { tampered, $"/act/{statusToken}", $"/reflect/{statusToken}", $"/agreement/{statusToken}", "/act/not-a-token" })
        {
            var get = await Client.GetAsync(path, Ct);
            var post = await drive.PostAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.Contains("not valid or has expired", await get.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        // Pressing an expired invitation must not record the triage: the page answers before anything is written.
        App.Clock.Advance(TimeSpan.FromDays(9));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(invite, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await drive.PostAsync(invite)).StatusCode);
        Assert.DoesNotContain(await drive.TimelineAsync(), e => e.Key == "triage");
        Assert.Null(await App.Get<EngagementRecords>().GetAsync<TriageRecord>(drive.Id, EngagementRecords.Triage, Ct));
    }
}
