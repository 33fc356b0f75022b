using System.Net;
using System.Text.RegularExpressions;
using CoachFlow.Infrastructure.Email;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// The coach in the workspace over HTTP: signs in through the emailed link (once per client's cookie jar) and posts
/// the workspace's forms with the form token of the page they are on, as a browser would.
/// </summary>
public sealed partial class CoachWorkspaceClient(HttpClient client, string coachEmail, Func<Task<string>> latestSignInLink)
{
    /// <summary>The coach whose emails land in the dev outbox.</summary>
    public CoachWorkspaceClient(HttpClient client, OutboxStore outbox, string coachEmail = "sam@coach.example")
        : this(client, coachEmail, async () => (await outbox.ListAsync(Ct))
            .Where(e => e.To == coachEmail && e.Links.Any(l => l.Label == "Sign in"))
            .OrderByDescending(e => e.SentAt)
            .First()
            .Links.Single(l => l.Label == "Sign in").Url.AbsolutePath)
    {
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Signs in unless this client already holds a session; fails when the emailed link does not sign in.</summary>
    public async Task SignInAsync()
    {
        var workspace = await client.GetStringAsync("/coach", Ct);
        if (!workspace.Contains("Sign in to your workspace", StringComparison.Ordinal))
        {
            return;
        }

        using var request = await client.PostAsync("/coach/sign-in", Form(FormToken(workspace), [("email", coachEmail)]), Ct);
        request.EnsureSuccessStatusCode();
        var link = await latestSignInLink();
        using var signIn = await client.PostAsync(link, Form(FormToken(await client.GetStringAsync(link, Ct)), []), Ct);
        if (signIn.StatusCode is not (HttpStatusCode.SeeOther or HttpStatusCode.OK))
        {
            throw new InvalidOperationException($"The sign-in link answered {(int)signIn.StatusCode}.");
        }
    }

    /// <summary>Opens <paramref name="page"/> and posts its form at <paramref name="action"/> with <paramref name="fields"/>.</summary>
    public async Task<HttpResponseMessage> PostFromAsync(string page, string action, params (string Name, string Value)[] fields) =>
        await client.PostAsync(action, Form(FormToken(await client.GetStringAsync(page, Ct)), fields), Ct);

    /// <summary>The antiforgery token a workspace page's forms carry.</summary>
    public static string FormToken(string page) => TokenField().Match(page) is { Success: true } match
        ? WebUtility.HtmlDecode(match.Groups[1].Value)
        : throw new InvalidOperationException("The page has no form token.");

    private static FormUrlEncodedContent Form(string token, IEnumerable<(string Name, string Value)> fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    /// <summary>The hidden field holding a page's form token (fresh on every page).</summary>
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    public static partial Regex TokenField();
}
