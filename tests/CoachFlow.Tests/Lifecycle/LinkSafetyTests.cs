using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
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

    [Fact]
    public async Task Opening_every_action_link_with_get_changes_nothing()
    {
        await _drive.StartAsync();
        var inquiry = await _drive.EmailAsync(LifecycleDriver.CoachEmail, "New enquiry");
        var before = await SnapshotAsync();

        var acknowledgement = await _drive.EmailAsync(LifecycleDriver.ClientEmail, "Thank you for getting in touch");
        foreach (var link in inquiry.Links.Concat(acknowledgement.Links))
        {
            var page = await Client.GetAsync(link.Url.PathAndQuery, Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            if (link.Url.AbsolutePath.StartsWith("/act/", StringComparison.Ordinal))
            {
                Assert.Contains("Nothing happens until you press the button.", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            }
        }

        // Long enough for any workflow step a GET might have set off to show.
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(Stage.AwaitingCoachTriage, await _drive.StageAsync());

        await _drive.InviteAsync();
        await _drive.BookFirstSlotAsync();
        var booked = await _drive.EmailAsync(LifecycleDriver.ClientEmail, "Your chemistry session with Sam Rivers Coaching is booked");
        var sessionLinks = new[] { await _drive.CoachSessionLinkAsync("Session held"), await _drive.CoachSessionLinkAsync("No-show"), booked.Links.Single(l => l.Label == "Cancel the session").Url.PathAndQuery };
        before = await SnapshotAsync();
        foreach (var link in sessionLinks)
        {
            var page = await Client.GetAsync(link, Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("Nothing happens until you press the button.", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(Stage.ChemistryScheduled, await _drive.StageAsync());
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

    private async Task<string> SnapshotAsync()
    {
        var engagement = await App.Get<Infrastructure.Engagements.EngagementStore>().GetAsync(_drive.Id, Ct);
        var timeline = await _drive.TimelineAsync();
        var emails = await App.Get<OutboxStore>().ListAsync(Ct);
        return $"{engagement!.Stage}|{engagement.UpdatedAt:O}|{timeline.Count}|{emails.Count}";
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
        Assert.Contains("id=\"accept-error\"", html, StringComparison.Ordinal);
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

        App.Clock.Advance(TimeSpan.FromDays(9));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(invite, Ct)).StatusCode);
        Assert.NotEqual(Stage.AwaitingBooking, await drive.StageAsync());
    }
}
