using System.Net;
using CoachFlow.Domain.Engagements;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;
using static CoachFlow.Tests.Lifecycle.LifecycleDriver;

namespace CoachFlow.Tests.Email;

/// <summary>
/// SendGrid throttling, failing and slow while the real workflow runs: the app's own SendGrid client
/// talks to the fake, the HttpClient's handler rides out a blip, the activity's retry policy (three
/// attempts here) a longer outage, and every email arrives exactly once. The enquiry closes 3 s after
/// triage starts, so one test reaches an activity that sends two emails.
/// </summary>
public sealed class EmailOutageTests : AppTest, IClassFixture<FakeSendGrid>
{
    private const string Acknowledgement = "Thank you for getting in touch";
    private const string Enquiry = "New enquiry";
    private const string ClosedToClient = "Sorry we couldn't reply in time";
    private const string ClosedToCoach = "Closed for now";

    private readonly FakeSendGrid _sendGrid;

    public EmailOutageTests(FakeSendGrid sendGrid)
        : base(new CoachFlowApp(Settings(sendGrid)))
    {
        _sendGrid = sendGrid;
        _sendGrid.Reset();
    }

    [Fact]
    public async Task A_burst_of_throttling_and_server_errors_passes_and_each_email_arrives_once()
    {
        _sendGrid.Reply(SendGridReply.Refuse(HttpStatusCode.TooManyRequests, retryAfter: TimeSpan.FromSeconds(1)), SendGridReply.Refuse(HttpStatusCode.ServiceUnavailable));
        var drive = new LifecycleDriver(App, Client);

        await drive.StartAsync();
        await drive.WaitForStageAsync(Stage.AwaitingCoachTriage);

        Assert.Equal(3, _sendGrid.CallsFor(ClientEmail, Acknowledgement).Count);
        Assert.Single(_sendGrid.AcceptedFor(ClientEmail, Acknowledgement));
        AssertSentOnceAtFirstTry(CoachEmail, Enquiry);
    }

    /// <summary>
    /// The coach's closing email meets four refusals (503): more than the handler's three attempts, so the
    /// activity fails and runs again. The client's closing email, sent by the same activity just before,
    /// went out the first time and must not go out again.
    /// </summary>
    [Fact]
    public async Task An_outage_longer_than_the_handlers_retries_is_ridden_out_by_the_activitys_retries_and_nothing_is_sent_twice()
    {
        var refusals = 0;
        _sendGrid.ReplyBy(mail => mail.To == CoachEmail && mail.Subject.StartsWith(ClosedToCoach, StringComparison.Ordinal) && Interlocked.Increment(ref refusals) <= 4
            ? SendGridReply.Refuse(HttpStatusCode.ServiceUnavailable)
            : SendGridReply.Accept);
        var drive = new LifecycleDriver(App, Client);

        await drive.StartAsync();
        var instance = await drive.EndAsync();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(Stage.Expired, await drive.StageAsync());
        Assert.Equal(5, _sendGrid.CallsFor(CoachEmail, ClosedToCoach).Count);
        Assert.Single(_sendGrid.AcceptedFor(CoachEmail, ClosedToCoach));
        AssertSentOnceAtFirstTry(ClientEmail, ClosedToClient);
    }

    [Fact]
    public async Task An_answer_that_times_out_may_have_gone_so_it_is_not_sent_again_and_the_timeline_says_so()
    {
        _sendGrid.Reply(SendGridReply.SlowAccept(TimeSpan.FromSeconds(3)));
        var drive = new LifecycleDriver(App, Client);

        await drive.StartAsync();
        await drive.WaitForStageAsync(Stage.AwaitingCoachTriage);

        AssertSentOnceAtFirstTry(ClientEmail, Acknowledgement);
        AssertSentOnceAtFirstTry(CoachEmail, Enquiry);
        var entry = Assert.Single(await drive.TimelineAsync(), e => e.Key == "email-acknowledgement");
        Assert.Contains("unconfirmed", entry.Summary, StringComparison.Ordinal);
    }

    private void AssertSentOnceAtFirstTry(string to, string subjectStart) =>
        Assert.True(Assert.Single(_sendGrid.CallsFor(to, subjectStart)).Reply.Accepts, $"SendGrid did not keep \"{subjectStart}\" to {to}.");

    private static Dictionary<string, string?> Settings(FakeSendGrid sendGrid)
    {
        var settings = sendGrid.AppSettings();
        foreach (var (key, value) in TestSettings.ShortWait("Triage", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3)))
        {
            settings[key] = value;
        }

        return settings;
    }
}
