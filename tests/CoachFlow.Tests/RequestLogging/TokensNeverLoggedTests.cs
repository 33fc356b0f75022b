using CoachFlow.Infrastructure.Email;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachFlow.Tests.RequestLogging;

/// <summary>
/// Link tokens are capabilities: whoever reads a log line with one can act as the client or the coach. With every
/// category at Trace — ASP.NET Core's own included — requests through the status, data and act links are logged by
/// route name, and no line anywhere holds a token.
/// </summary>
public sealed class TokensNeverLoggedTests() : AppTest(
    new CoachFlowApp(
        new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Trace",
        },
        services: s => s.AddSingleton<ILoggerProvider>(Logs)),
    followRedirects: false)
{
    private static readonly CapturedLogs Logs = new();

    [Fact]
    public async Task Requests_are_logged_by_route_and_no_log_line_holds_a_link_token()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        var acknowledgement = await drive.EmailAsync(LifecycleDriver.ClientEmail, "Thank you for getting in touch");
        var status = acknowledgement.Links.Single(l => l.Label == "Follow progress").Url;
        var data = acknowledgement.Links.Single(l => l.Label == EngagementMailer.YourDataLabel).Url;
        var invite = await drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Invite");

        await Client.GetAsync(status.PathAndQuery, Ct);
        await Client.GetAsync(data.PathAndQuery, Ct);
        await Client.GetAsync(invite, Ct);
        await drive.PostAsync(invite);

        var tokens = new[] { Query(status, "token"), LastSegment(data.AbsolutePath), LastSegment(invite) };
        Assert.All(tokens, t => Assert.True(t.Length > 40, t));
        Assert.Contains(Logs.Lines, l => l.Contains("Route: ConfirmAction", StringComparison.Ordinal));
        Assert.Contains(Logs.Lines, l => l.Contains("Route: PerformAction", StringComparison.Ordinal));
        foreach (var token in tokens)
        {
            var leaks = Logs.Lines.Where(l => l.Contains(token[..24], StringComparison.Ordinal)).Select(l => l.Length > 300 ? l[..300] : l).ToList();
            Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        }
    }

    private static string LastSegment(string path) => path[(path.LastIndexOf('/') + 1)..];

    private static string Query(Uri url, string name) =>
        url.Query.TrimStart('?').Split('&').Select(p => p.Split('=', 2)).Single(p => p[0] == name)[1];
}
