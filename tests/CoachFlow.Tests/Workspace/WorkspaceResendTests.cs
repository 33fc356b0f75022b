using System.Net;
using System.Text.RegularExpressions;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Infrastructure.Workspace;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Workspace;

/// <summary>
/// "Resend the client's link" on one engagement's workspace page, on the real engine over Azurite with the dev outbox:
/// at each stage with a link waiting on the client it sends that client, again, the email that carries it (their own
/// link, opening their page), once per page view; elsewhere, without a session or on an erased engagement it sends nothing.
/// </summary>
public sealed partial class WorkspaceResendTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    private const string ClientInbox = LifecycleDriver.ClientEmail;
    private const string CoachInbox = LifecycleDriver.CoachEmail;
    private const string ResendButton = "Resend the client's link";

    private LifecycleDriver _drive = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _drive = new LifecycleDriver(App, Client);
    }

    [Fact]
    public async Task Awaiting_booking_resends_the_booking_email_to_the_client_with_their_own_booking_link()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await SignInAsync();

        var (status, page) = await ResendAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The client&#x27;s link is on its way to them again.", page, StringComparison.Ordinal);
        var email = await _drive.EmailAsync(ClientInbox, "A gentle reminder: choose a time to meet");
        Assert.Equal(["Choose a time", EngagementMailer.YourDataLabel], email.Links.Select(l => l.Label));
        var booking = await Client.GetStringAsync(email.Links[0].Url.PathAndQuery, Ct);
        Assert.Contains("Choose a time for our chemistry session", booking, StringComparison.Ordinal);
        Assert.Contains("What we hold about you", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _drive.EmailsToAsync(CoachInbox), e => e.Subject.StartsWith("A gentle reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_booked_session_resends_the_clients_confirmation_with_its_calendar_invitation_and_their_move_and_cancel_links()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await _drive.BookFirstSlotAsync();
        await _drive.EmailAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is booked");
        await SignInAsync();

        var (status, _) = await ResendAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        await _drive.EventuallyAsync(async () => (await ConfirmationsAsync()).Count == 2, "the confirmation to reach the client a second time");
        var resent = (await ConfirmationsAsync())[^1];
        Assert.Equal(["Join the video call", "Choose a new time", "Cancel the session", EngagementMailer.YourDataLabel], resent.Links.Select(l => l.Label));
        Assert.Equal("invite.ics", Assert.Single(resent.Attachments).FileName);
        Assert.Contains("Choose a new time", await Client.GetStringAsync(resent.Links[1].Url.PathAndQuery, Ct), StringComparison.Ordinal);
        Assert.Contains("Cancel the chemistry session?", await Client.GetStringAsync(resent.Links[2].Url.PathAndQuery, Ct), StringComparison.Ordinal);
        Assert.Single(await _drive.EmailsToAsync(CoachInbox), e => e.Subject.StartsWith("Chemistry session booked", StringComparison.Ordinal));
    }

    [Fact]
    public async Task While_reflecting_it_resends_the_clients_reflection_link_and_offers_nothing_once_they_answered()
    {
        await _drive.StartAsync();
        await _drive.ThroughSessionAsync();
        await SignInAsync();

        var (status, _) = await ResendAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        var email = await _drive.EmailAsync(ClientInbox, "A gentle reminder: your reflection after meeting");
        Assert.Equal(["Share your reflection", EngagementMailer.YourDataLabel], email.Links.Select(l => l.Label));
        Assert.Contains("Do I feel safe with this coach?", await Client.GetStringAsync(email.Links[0].Url.PathAndQuery, Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await _drive.ReflectAsync(Actor.Client, "yes")).StatusCode);
        var page = await Client.GetStringAsync($"/coach/engagements/{_drive.Id.Value}", Ct);
        Assert.DoesNotContain(ResendButton, page, StringComparison.Ordinal);
        using var refused = await PostFormAsync($"/coach/engagements/{_drive.Id.Value}/resend", Token(page), "1");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.StartsWith("A gentle reminder", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Awaiting_the_agreement_resends_the_clients_agreement_link()
    {
        await _drive.StartAsync();
        await _drive.ThroughSessionAsync();
        await _drive.ReflectAsync(Actor.Coach, "yes");
        await _drive.ReflectAsync(Actor.Client, "yes");
        await _drive.WaitForStageAsync(Stage.AwaitingAgreement);
        await SignInAsync();

        var (status, _) = await ResendAsync();

        Assert.Equal(HttpStatusCode.OK, status);
        var email = await _drive.EmailAsync(ClientInbox, "A gentle reminder: your coaching agreement");
        Assert.Equal(["Read and accept the agreement", EngagementMailer.YourDataLabel], email.Links.Select(l => l.Label));
        Assert.Contains("Your coaching agreement", await Client.GetStringAsync(email.Links[0].Url.PathAndQuery, Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task At_triage_there_is_no_button_and_a_resend_answers_409_and_sends_nothing()
    {
        await _drive.StartAsync();
        await _drive.WaitForStageAsync(Stage.AwaitingCoachTriage);
        await _drive.EmailAsync(ClientInbox, "Thank you for getting in touch");
        await SignInAsync();
        var page = await Client.GetStringAsync($"/coach/engagements/{_drive.Id.Value}", Ct);
        Assert.DoesNotContain(ResendButton, page, StringComparison.Ordinal);

        using var refused = await PostFormAsync($"/coach/engagements/{_drive.Id.Value}/resend", Token(page), "0");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Nothing was sent: no link waits on the client", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(await _drive.EmailsToAsync(ClientInbox));
        Assert.DoesNotContain(await _drive.TimelineAsync(), e => e.Summary == ClientLinkResend.Summary);
    }

    [Fact]
    public async Task A_double_submitted_or_replayed_form_sends_one_email_and_a_fresh_page_sends_another()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await SignInAsync();
        var path = $"/coach/engagements/{_drive.Id.Value}";
        var page = await Client.GetStringAsync(path, Ct);
        var (token, seen) = (Token(page), ResendsSeen(page));

        // Two presses at once, then the same form replayed.
        var presses = await Task.WhenAll(PostFormAsync($"{path}/resend", token, seen), PostFormAsync($"{path}/resend", token, seen));
        using var replay = await PostFormAsync($"{path}/resend", token, seen);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], presses.Select(p => p.StatusCode).Order());
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Contains("That form was already used, so nothing more was sent.", await replay.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Single(await RemindersAsync());

        var (again, _) = await ResendAsync();
        Assert.Equal(HttpStatusCode.OK, again);
        Assert.Equal(2, (await RemindersAsync()).Count);
        foreach (var press in presses)
        {
            press.Dispose();
        }
    }

    [Fact]
    public async Task The_resend_is_on_the_timeline_as_the_coachs_without_personal_data_and_on_the_page()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await SignInAsync();

        var (_, page) = await ResendAsync();

        var entry = Assert.Single(await _drive.TimelineAsync(), e => e.Summary == ClientLinkResend.Summary);
        Assert.Equal(Actor.Coach, entry.Actor);
        Assert.Equal("Link resent to the client", entry.Summary);
        Assert.Contains($"<td>Coach</td><td>{ClientLinkResend.Summary}</td>", page, StringComparison.Ordinal);
        Assert.Contains("The client&#x27;s link is on its way to them again.", page, StringComparison.Ordinal);
        Assert.Equal("1", ResendsSeen(page));
    }

    [Fact]
    public async Task Without_a_session_a_resend_is_the_sign_in_page_and_sends_nothing()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        var token = Token(await Client.GetStringAsync("/coach", Ct));

        using var refused = await PostFormAsync($"/coach/engagements/{_drive.Id.Value}/resend", token, "0");

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("Sign in to your workspace", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await RemindersAsync());
        Assert.DoesNotContain(await _drive.TimelineAsync(), e => e.Summary == ClientLinkResend.Summary);
    }

    [Fact]
    public async Task On_an_unknown_or_erased_engagement_a_resend_answers_404_and_sends_nothing()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await SignInAsync();
        var path = $"/coach/engagements/{_drive.Id.Value}";
        var page = await Client.GetStringAsync(path, Ct);
        using (var erase = await Client.PostAsync($"{path}/erase", new FormUrlEncodedContent([new("__RequestVerificationToken", Token(page)), new("confirm", "erase")]), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        }

        using var erased = await PostFormAsync($"{path}/resend", Token(page), ResendsSeen(page));
        using var unknown = await PostFormAsync($"/coach/engagements/{EngagementId.FromRandomBytes(new byte[EngagementId.RandomByteCount]).Value}/resend", Token(page), "0");

        Assert.Equal(HttpStatusCode.NotFound, erased.StatusCode);
        Assert.Contains("No such engagement", await erased.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Empty(await RemindersAsync());
        Assert.Empty(await _drive.TimelineAsync());
    }

    /// <summary>Presses the button on a freshly loaded page of the engagement.</summary>
    private async Task<(HttpStatusCode Status, string Page)> ResendAsync()
    {
        var path = $"/coach/engagements/{_drive.Id.Value}";
        var page = await Client.GetStringAsync(path, Ct);
        Assert.Contains(ResendButton, page, StringComparison.Ordinal);
        using var response = await PostFormAsync($"{path}/resend", Token(page), ResendsSeen(page));
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private async Task<List<OutboxEmail>> RemindersAsync() =>
        [.. (await _drive.EmailsToAsync(ClientInbox)).Where(e => e.Subject.StartsWith("A gentle reminder: choose a time", StringComparison.Ordinal))];

    private async Task<List<OutboxEmail>> ConfirmationsAsync() =>
        [.. (await _drive.EmailsToAsync(ClientInbox)).Where(e => e.Subject.StartsWith("Your chemistry session with", StringComparison.Ordinal))];

    private Task SignInAsync() => new CoachWorkspaceClient(Client, App.Get<OutboxStore>(), CoachInbox).SignInAsync();

    private Task<HttpResponseMessage> PostFormAsync(string path, string token, string seen) =>
        Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new(ClientLinkResend.SeenField, seen)]), Ct);

    private static string Token(string page) => CoachWorkspaceClient.FormToken(page);

    private static string ResendsSeen(string page) => SeenValue().Match(page) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidOperationException("The page offers no resend.");

    [GeneratedRegex("name=\"resent\" value=\"(\\d+)\"")]
    private static partial Regex SeenValue();
}
