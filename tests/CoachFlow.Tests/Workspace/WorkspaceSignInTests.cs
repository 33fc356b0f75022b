using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Workspace;

/// <summary>
/// The coach's workspace over HTTP on the local host: without a session every address is the sign-in page and
/// nothing else; only the coach's address gets a link, which signs in once; forged links and form posts without
/// the workspace's antiforgery token are refused, and a workspace action is the emailed link's own.
/// </summary>
public sealed class WorkspaceSignInTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    private const string CoachEmail = "sam@coach.example";
    private const string ClientName = "Hedy Lamarr";
    private const string ClientEmail = "hedy.workspace@example.com";

    [Fact]
    public async Task Without_a_session_every_workspace_address_answers_with_the_sign_in_page_and_no_data()
    {
        var id = await NewEngagementAsync();

        foreach (var path in new[] { "/coach", "/coach?q=Hedy", $"/coach/engagements/{id}", $"/coach/engagements/{id}/export" })
        {
            var page = await Client.GetStringAsync(path, Ct);
            AssertSignInPageOnly(page);
        }

        using var post = await Client.PostAsync($"/coach/engagements/{id}/act/InviteToChemistry", new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
        AssertSignInPageOnly(await post.Content.ReadAsStringAsync(Ct));
        Assert.Null(await App.Get<EngagementRecords>().GetAsync<TriageRecord>(Id(id), EngagementRecords.Triage, Ct));
    }

    [Fact]
    public async Task Only_the_coachs_address_gets_a_link_and_any_address_gets_the_same_answer()
    {
        var stranger = await RequestLinkAsync("someone@example.com");
        var coach = await RequestLinkAsync(CoachEmail.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.OK, stranger.Status);
        Assert.Equal(MainOf(stranger.Page), MainOf(coach.Page));
        var sent = await App.Get<OutboxStore>().ListAsync(Ct);
        var email = Assert.Single(sent);
        Assert.Equal(CoachEmail, email.To);
        Assert.StartsWith("/coach/sign-in/", Assert.Single(email.Links).Url.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sign_in_link_starts_a_session_once_and_is_refused_the_second_time()
    {
        await NewEngagementAsync();
        var link = await SignInLinkAsync();

        // Opening the link (as a mail scanner would) uses nothing up.
        var confirm = await Client.GetStringAsync(link, Ct);
        Assert.Contains("Press the button to sign in", confirm, StringComparison.Ordinal);
        using var signIn = await PostFormAsync(link, Token(confirm));

        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
        var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coachflow-coach=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var pipeline = await Client.GetStringAsync("/coach", Ct);
        Assert.Contains(ClientName, pipeline, StringComparison.Ordinal);
        Assert.Contains("New enquiries", pipeline, StringComparison.Ordinal);

        // Signed out, the same link does not sign in again.
        using var signOut = await PostFormAsync("/coach/sign-out", Token(pipeline));
        Assert.Equal(HttpStatusCode.SeeOther, signOut.StatusCode);
        AssertSignInPageOnly(await Client.GetStringAsync("/coach", Ct));
        var again = await Client.GetAsync(link, Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        using var reuse = await PostFormAsync(link, Token(await Client.GetStringAsync("/coach", Ct)));
        Assert.Equal(HttpStatusCode.NotFound, reuse.StatusCode);
        Assert.False(reuse.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("coachflow-coach=", StringComparison.Ordinal)));
        AssertSignInPageOnly(await Client.GetStringAsync("/coach", Ct));
    }

    [Fact]
    public async Task A_forged_sign_in_link_and_an_engagement_link_are_refused()
    {
        var id = await NewEngagementAsync();
        var genuine = await SignInLinkAsync();
        var forged = genuine[..^3] + (genuine[^3] == 'A' ? "B" : "A") + genuine[^2..];
        var engagementToken = App.Get<LinkSigner>().Issue(Id(id), Actor.Coach, LinkAction.InviteToChemistry, TimeSpan.FromHours(1));
        var token = Token(await Client.GetStringAsync("/coach", Ct));

        foreach (var link in new[] { forged, $"/coach/sign-in/{engagementToken}" })
        {
            using var refused = await PostFormAsync(link, token);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        }

        AssertSignInPageOnly(await Client.GetStringAsync("/coach", Ct));
    }

    [Fact]
    public async Task A_post_without_the_workspace_form_token_is_refused_and_changes_nothing()
    {
        var id = await NewEngagementAsync();
        await SignInAsync();

        // What another site's form could send: the session cookie rides along (or would, without SameSite), the token cannot.
        using var forgedForm = await Client.PostAsync($"/coach/engagements/{id}/act/InviteToChemistry", new FormUrlEncodedContent([]), Ct);
        using var wrongToken = await PostFormAsync($"/coach/engagements/{id}/act/InviteToChemistry", "not-the-token");

        Assert.Equal(HttpStatusCode.BadRequest, forgedForm.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongToken.StatusCode);
        Assert.Null(await App.Get<EngagementRecords>().GetAsync<TriageRecord>(Id(id), EngagementRecords.Triage, Ct));
    }

    [Fact]
    public async Task Inviting_from_the_workspace_records_the_triage_as_the_emailed_link_does()
    {
        var id = await NewEngagementAsync();
        await SignInAsync();
        var page = await Client.GetStringAsync($"/coach/engagements/{id}", Ct);
        Assert.Contains("Invite Hedy Lamarr to a chemistry session?", page, StringComparison.Ordinal);

        using var invite = await PostFormAsync($"/coach/engagements/{id}/act/InviteToChemistry", Token(page));

        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        Assert.Contains("Invitation on its way", await invite.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var triage = await App.Get<EngagementRecords>().GetAsync<TriageRecord>(Id(id), EngagementRecords.Triage, Ct);
        Assert.True(triage!.Invite);
        var timeline = await App.Get<Infrastructure.Timeline.EngagementTimeline>().ListAsync(Id(id), Ct);
        Assert.Contains(timeline, e => e.Summary == "Coach invited the client to a chemistry session");
    }

    private async Task<string> NewEngagementAsync()
    {
        var body = SampleIntake.Json();
        body["name"] = ClientName;
        body["email"] = ClientEmail;
        using var response = await SampleIntake.PostJsonAsync(Client, body);
        response.EnsureSuccessStatusCode();
        var id = (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!["engagementId"]!.GetValue<string>();

        // The workflow moves it to triage; the pipeline shows it either way, under its stage.
        for (var attempt = 0; attempt < 100 && (await App.Get<EngagementStore>().GetAsync(Id(id), Ct))!.Stage != Stage.AwaitingCoachTriage; attempt++)
        {
            await Task.Delay(100, Ct);
        }

        return id;
    }

    private async Task SignInAsync()
    {
        var link = await SignInLinkAsync();
        using var signIn = await PostFormAsync(link, Token(await Client.GetStringAsync(link, Ct)));
        Assert.Equal(HttpStatusCode.SeeOther, signIn.StatusCode);
    }

    private async Task<string> SignInLinkAsync()
    {
        await RequestLinkAsync(CoachEmail);
        var email = (await App.Get<OutboxStore>().ListAsync(Ct)).First(e => e.To == CoachEmail && e.Links.Any(l => l.Label == "Sign in"));
        return email.Links.Single(l => l.Label == "Sign in").Url.AbsolutePath;
    }

    private async Task<(HttpStatusCode Status, string Page)> RequestLinkAsync(string email)
    {
        var token = Token(await Client.GetStringAsync("/coach", Ct));
        using var response = await Client.PostAsync("/coach/sign-in", new FormUrlEncodedContent([new("email", email), new("__RequestVerificationToken", token)]), Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    private Task<HttpResponseMessage> PostFormAsync(string path, string token) =>
        Client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);

    private static string Token(string page) => CoachWorkspaceClient.FormToken(page);

    /// <summary>The page's main content without its form token (fresh on every page).</summary>
    private static string MainOf(string page) => CoachWorkspaceClient.TokenField().Replace(page[page.IndexOf("<main", StringComparison.Ordinal)..], string.Empty);

    private static EngagementId Id(string id) => EngagementId.TryParse(id, out var parsed) ? parsed : throw new ArgumentException(id, nameof(id));

    private static void AssertSignInPageOnly(string page)
    {
        Assert.Contains("Sign in to your workspace", page, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientName, page, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientEmail, page, StringComparison.Ordinal);
        Assert.DoesNotContain("New enquiries", page, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\(\d+\)", page);
    }
}
