using System.Net;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Infrastructure.Workspace;
using CoachFlow.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachFlow.Tests.Workspace;

/// <summary>
/// Used sign-in links leave a marker each in <c>CoachSignIns</c>; using a link deletes the markers of links that have
/// expired, keeps the rest, and an expired link stays refused once its marker is gone (its signature has expired).
/// The clock is the tests' own, so "expired" is exact.
/// </summary>
public sealed class CoachSignInPruningTests() : AppTest(new CoachFlowApp(
    new Dictionary<string, string?> { ["CoachFlow:RateLimits:SignInsPerMinute"] = "50" },
    fakeClock: true), followRedirects: false)
{
    [Fact]
    public async Task Signing_in_deletes_the_markers_of_expired_links_and_keeps_the_unexpired_ones_which_still_refuse_a_second_use()
    {
        var first = Link("first");
        var second = Link("second");
        Assert.Equal(HttpStatusCode.SeeOther, await UseAsync(first));
        Assert.Equal(HttpStatusCode.SeeOther, await UseAsync(second));
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        var live = Link("live");
        Assert.Equal(HttpStatusCode.SeeOther, await UseAsync(live));
        Assert.Equal(["first", "live", "second"], await MarkersAsync());

        // Twenty minutes in: the first two links expired five minutes ago, the third has five minutes left.
        App.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(HttpStatusCode.SeeOther, await UseAsync(Link("next")));

        Assert.Equal(["live", "next"], await MarkersAsync());
        Assert.Equal(HttpStatusCode.NotFound, await UseAsync(live));
        Assert.Equal(HttpStatusCode.NotFound, await UseAsync(first));
        Assert.Equal(["live", "next"], await MarkersAsync());
    }

    /// <summary>A sign-in link naming <paramref name="nonce"/>, issued now for the usual lifetime, as the emailed one is.</summary>
    private string Link(string nonce) => $"/coach/sign-in/{App.Get<LinkSigner>().IssueSignIn(nonce, CoachSignIns.LinkLifetime)}";

    /// <summary>Presses a link's sign-in button in a browser of its own (no session, so the form token is anonymous, as on the link's page).</summary>
    private async Task<HttpStatusCode> UseAsync(string link)
    {
        using var browser = App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = CoachWorkspaceClient.FormToken(await browser.GetStringAsync("/coach", Ct));
        using var response = await browser.PostAsync(link, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]), Ct);
        return response.StatusCode;
    }

    private async Task<List<string>> MarkersAsync() =>
        [.. (await TableRows.AllAsync(App, TableName.CoachSignIns)).Select(row => row.RowKey).Order(StringComparer.Ordinal)];
}
