using CoachFlow.Domain.Engagements;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static CoachFlow.Tests.Lifecycle.LifecycleDriver;

namespace CoachFlow.Tests.Email;

/// <summary>
/// SendGrid unreachable (connections refused) until it comes back: every attempt surely sent nothing,
/// so the activity keeps retrying (up to 8 attempts, at most 2 s apart, here) and the emails go out
/// once each when SendGrid answers again.
/// </summary>
public sealed class EmailUnreachableTests : AppTest
{
    private readonly int _port;
    private readonly CapturedLogs _logs;

    public EmailUnreachableTests()
        : this(FakeSendGrid.FreePort(), new CapturedLogs())
    {
    }

    private EmailUnreachableTests(int port, CapturedLogs logs)
        : base(new CoachFlowApp(Settings(port), services: s => s.AddSingleton<ILoggerProvider>(logs)))
    {
        _port = port;
        _logs = logs;
    }

    [Fact]
    public async Task While_SendGrid_is_unreachable_the_activity_retries_and_each_email_arrives_once_it_is_back()
    {
        var drive = new LifecycleDriver(App, Client);
        var started = drive.StartAsync();
        await drive.EventuallyAsync(() => Task.FromResult(_logs.Lines.Count(l => l.Contains("Email email-acknowledgement of engagement", StringComparison.Ordinal) && l.Contains("not sent", StringComparison.Ordinal)) >= 2), "two failed attempts at the acknowledgement");

        await using var sendGrid = FakeSendGrid.StartOn(_port);
        await started;
        await drive.WaitForStageAsync(Stage.AwaitingCoachTriage);

        Assert.Single(sendGrid.AcceptedFor(ClientEmail, "Thank you for getting in touch"));
        Assert.Single(sendGrid.AcceptedFor(CoachEmail, "New enquiry"));
        Assert.Equal(2, sendGrid.Calls.Count);
    }

    private static Dictionary<string, string?> Settings(int port)
    {
        var settings = FakeSendGrid.AppSettings($"http://127.0.0.1:{port}");
        settings["CoachFlow:Workflow:ActivityRetry:MaxAttempts"] = "8";
        settings["CoachFlow:Workflow:ActivityRetry:FirstRetryInterval"] = "00:00:00.500";
        settings["CoachFlow:Workflow:ActivityRetry:BackoffCoefficient"] = "1.5";
        settings["CoachFlow:Workflow:ActivityRetry:MaxRetryInterval"] = "00:00:02";
        return settings;
    }
}
