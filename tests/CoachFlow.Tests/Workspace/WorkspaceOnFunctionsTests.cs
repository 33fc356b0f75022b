using System.Net;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoachFlow.Tests.Workspace;

/// <summary>
/// The workspace through the Functions app's own HTTP triggers (outside Development): the Razor pages render, the
/// sign-in link starts a session whose cookie is Secure, HttpOnly and SameSite=Strict, the form tokens hold, and a
/// workspace action (resending the client's link) runs through the app's own trigger.
/// </summary>
public sealed class WorkspaceOnFunctionsTests
{
    private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_coach_signs_in_on_the_functions_app_with_a_secure_strict_session_cookie()
    {
        await using var functions = await FunctionsAppOnEngine.StartAsync();

        var signInPage = await SendAsync(functions, HttpMethod.Get, "/coach");
        Assert.Contains("Sign in to your workspace", signInPage.Body, StringComparison.Ordinal);
        await SendAsync(functions, HttpMethod.Post, "/coach/sign-in", [new("email", "sam@coach.example"), new("__RequestVerificationToken", Token(signInPage.Body))]);
        var link = (await functions.Services.GetRequiredService<OutboxStore>().ListAsync(Ct)).Single().Links.Single().Url.AbsolutePath;
        var confirm = await SendAsync(functions, HttpMethod.Get, link);
        var signIn = await SendAsync(functions, HttpMethod.Post, link, [new("__RequestVerificationToken", Token(confirm.Body))]);

        Assert.Equal(HttpStatusCode.SeeOther, signIn.Response.StatusCode);
        var session = signIn.Response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("coachflow-coach=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        var pipeline = await SendAsync(functions, HttpMethod.Get, "/coach");
        Assert.Contains("Your pipeline", pipeline.Body, StringComparison.Ordinal);
        var forged = await SendAsync(functions, HttpMethod.Post, "/coach/sign-out", [new("__RequestVerificationToken", "forged")]);
        Assert.Equal(HttpStatusCode.BadRequest, forged.Response.StatusCode);
    }

    [Fact]
    public async Task The_coach_resends_the_clients_booking_link_on_the_functions_app()
    {
        await using var functions = await FunctionsAppOnEngine.StartAsync();
        var drive = new LifecycleDriver(functions.Services, functions.Http);
        await drive.StartAsync();
        await drive.InviteAsync();
        var signInPage = await SendAsync(functions, HttpMethod.Get, "/coach");
        await SendAsync(functions, HttpMethod.Post, "/coach/sign-in", [new("email", "sam@coach.example"), new("__RequestVerificationToken", Token(signInPage.Body))]);
        var link = (await functions.Services.GetRequiredService<OutboxStore>().ListAsync(Ct)).Single(e => e.Subject.StartsWith("Your sign-in link", StringComparison.Ordinal)).Links.Single().Url.AbsolutePath;
        await SendAsync(functions, HttpMethod.Post, link, [new("__RequestVerificationToken", Token((await SendAsync(functions, HttpMethod.Get, link)).Body))]);
        var page = await SendAsync(functions, HttpMethod.Get, $"/coach/engagements/{drive.Id.Value}");

        var resend = await SendAsync(functions, HttpMethod.Post, $"/coach/engagements/{drive.Id.Value}/resend", [new("__RequestVerificationToken", Token(page.Body)), new("resent", "0")]);

        Assert.Equal(HttpStatusCode.OK, resend.Response.StatusCode);
        Assert.Contains("The client&#x27;s link is on its way to them again.", resend.Body, StringComparison.Ordinal);
        var email = await drive.EmailAsync(LifecycleDriver.ClientEmail, "A gentle reminder: choose a time");
        Assert.StartsWith("/book/", email.Links[0].Url.AbsolutePath, StringComparison.Ordinal);
    }

    /// <summary>Sends with the cookies collected so far (the harness has no cookie jar of its own) and keeps the ones set.</summary>
    private async Task<(HttpResponseMessage Response, string Body)> SendAsync(
        FunctionsAppOnEngine functions, HttpMethod method, string path, IEnumerable<KeyValuePair<string, string>>? form = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = form is null ? null : new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("text/html");
        if (_cookies.Count > 0)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await functions.Http.SendAsync(request, Ct);
        foreach (var cookie in response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [])
        {
            var pair = cookie.Split(';')[0].Split('=', 2);
            _cookies[pair[0]] = pair[1];
        }

        return (response, await response.Content.ReadAsStringAsync(Ct));
    }

    private static string Token(string page) => CoachWorkspaceClient.FormToken(page);
}
