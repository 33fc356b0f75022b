using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CoachFlow.Tests.Lifecycle.LifecycleDriver;

namespace CoachFlow.Tests.Email;

/// <summary>
/// SendGrid refusing outright (400, 401): the engagement fails at once — the activity's retry policy
/// here waits five minutes before a retry, so finishing within the test's patience proves there was
/// none — it shows Failed on the client's status page, and the coach is told by email when email
/// still works. Logs name the engagement and the refusal, never a person.
/// </summary>
public sealed class EmailRefusalTests : AppTest, IClassFixture<FakeSendGrid>
{
    private const string Acknowledgement = "Thank you for getting in touch";
    private const string FailureNotice = "Needs your attention";

    private readonly FakeSendGrid _sendGrid;
    private readonly CapturedLogs _logs;

    public EmailRefusalTests(FakeSendGrid sendGrid)
        : this(sendGrid, new CapturedLogs())
    {
    }

    private EmailRefusalTests(FakeSendGrid sendGrid, CapturedLogs logs)
        : base(new CoachFlowApp(Settings(sendGrid), services: s => s.AddSingleton<ILoggerProvider>(logs)))
    {
        _sendGrid = sendGrid;
        _sendGrid.Reset();
        _logs = logs;
    }

    [Fact]
    public async Task A_refused_client_address_fails_the_engagement_at_once_and_the_coach_is_told_by_email()
    {
        _sendGrid.ReplyBy(mail => mail.To == ClientEmail ? SendGridReply.Refuse(HttpStatusCode.BadRequest) : SendGridReply.Accept);
        var drive = new LifecycleDriver(App, Client);

        await drive.StartAsync();
        var instance = await drive.EndAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Contains("400", instance.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientEmail, instance.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Single(_sendGrid.CallsFor(ClientEmail, Acknowledgement));
        var status = await Client.GetFromJsonAsync<JsonObject>(App.Get<PublicLinks>().Status(drive.Id).PathAndQuery, Ct);
        Assert.Equal("Failed", status!["stage"]!.GetValue<string>());
        Assert.Contains(status["timeline"]!.AsArray(), e => e!["summary"]!.GetValue<string>().StartsWith("Could not email the client", StringComparison.Ordinal));
        var told = Assert.Single(_sendGrid.AcceptedFor(CoachEmail, FailureNotice));
        Assert.Contains("(SendAcknowledgement)", told.Text, StringComparison.Ordinal);
        Assert.Contains("refused", told.Text, StringComparison.Ordinal);
        Assert.Contains(ClientEmail, told.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_key_fails_the_engagement_at_once_on_the_status_page_with_each_refusal_on_the_timeline_and_logs_naming_no_one()
    {
        _sendGrid.ReplyBy(_ => SendGridReply.Refuse(HttpStatusCode.Unauthorized));
        var drive = new LifecycleDriver(App, Client);

        await drive.StartAsync();
        var instance = await drive.EndAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Single(_sendGrid.CallsFor(ClientEmail, Acknowledgement));
        Assert.Single(_sendGrid.CallsFor(CoachEmail, FailureNotice));
        Assert.Empty(_sendGrid.Accepted);
        var refusals = (await drive.TimelineAsync()).Where(e => e.Summary.StartsWith("Could not email", StringComparison.Ordinal));
        Assert.Equal(["Could not email the client", "Could not email the coach"], refusals.Select(e => e.Summary[..e.Summary.IndexOf(':', StringComparison.Ordinal)]));
        using var page = new HttpRequestMessage(HttpMethod.Get, App.Get<PublicLinks>().Status(drive.Id).PathAndQuery);
        page.Headers.Accept.ParseAdd("text/html");
        var html = await (await Client.SendAsync(page, Ct)).Content.ReadAsStringAsync(Ct);
        Assert.Contains("Something went wrong on our side", html, StringComparison.Ordinal);
        Assert.Contains("Failed", html, StringComparison.Ordinal);
        Assert.Contains(_logs.Lines, l => l.Contains(drive.Id.Value, StringComparison.Ordinal) && l.Contains("401", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Lines, l => l.Contains(ClientEmail, StringComparison.Ordinal) || l.Contains(CoachEmail, StringComparison.Ordinal) || l.Contains("Ada Lovelace", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Settings(FakeSendGrid sendGrid)
    {
        var settings = sendGrid.AppSettings();
        settings["Logging:LogLevel:Default"] = "Information";
        settings["CoachFlow:Workflow:ActivityRetry:FirstRetryInterval"] = "00:05:00";
        settings["CoachFlow:Workflow:ActivityRetry:MaxRetryInterval"] = "00:05:00";
        return settings;
    }
}
