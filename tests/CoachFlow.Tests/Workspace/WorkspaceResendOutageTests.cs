using System.Net;
using System.Text.RegularExpressions;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Workspace;
using CoachFlow.Tests.Email;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using static CoachFlow.Tests.Lifecycle.LifecycleDriver;

namespace CoachFlow.Tests.Workspace;

/// <summary>
/// "Resend the client's link" while SendGrid is down, through the app's own SendGrid client against the fake: the
/// coach is told nothing was sent (503), the resend leaves no claim on the timeline, and the next press sends it.
/// </summary>
public sealed partial class WorkspaceResendOutageTests : AppTest, IClassFixture<FakeSendGrid>
{
    private const string Reminder = "A gentle reminder: choose a time";

    private readonly FakeSendGrid _sendGrid;

    public WorkspaceResendOutageTests(FakeSendGrid sendGrid)
        : base(new CoachFlowApp(sendGrid.AppSettings()), followRedirects: false)
    {
        _sendGrid = sendGrid;
        _sendGrid.Reset();
    }

    [Fact]
    public async Task With_sendgrid_down_a_resend_answers_503_leaves_no_claim_and_the_next_press_sends_it_once()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        await drive.WaitForStageAsync(Stage.AwaitingCoachTriage);
        var workspace = new CoachWorkspaceClient(Client, CoachEmail, LatestSignInLinkAsync);
        await workspace.SignInAsync();
        var path = $"/coach/engagements/{drive.Id.Value}";
        using (var invite = await workspace.PostFromAsync(path, $"{path}/act/{LinkAction.InviteToChemistry}"))
        {
            Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        }

        await drive.WaitForStageAsync(Stage.AwaitingBooking);
        _sendGrid.ReplyBy(mail => mail.To == ClientEmail ? SendGridReply.Refuse(HttpStatusCode.ServiceUnavailable) : SendGridReply.Accept);

        using var down = await workspace.PostFromAsync(path, $"{path}/resend", (ClientLinkResend.SeenField, "0"));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("The email could not be sent just now, so nothing was sent.", await down.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.NotEmpty(_sendGrid.CallsFor(ClientEmail, Reminder));
        Assert.Empty(_sendGrid.AcceptedFor(ClientEmail, Reminder));
        Assert.DoesNotContain(await drive.TimelineAsync(), e => e.Summary == ClientLinkResend.Summary);

        _sendGrid.ReplyBy(_ => SendGridReply.Accept);
        using var up = await workspace.PostFromAsync(path, $"{path}/resend", (ClientLinkResend.SeenField, "0"));

        Assert.Equal(HttpStatusCode.OK, up.StatusCode);
        Assert.Single(_sendGrid.AcceptedFor(ClientEmail, Reminder));
        Assert.Single(await drive.TimelineAsync(), e => e.Summary == ClientLinkResend.Summary);
    }

    private Task<string> LatestSignInLinkAsync() => Task.FromResult(
        SignInPath().Match(_sendGrid.Accepted.Last(m => m.To == CoachEmail && SignInPath().IsMatch(m.Text)).Text).Value);

    [GeneratedRegex("/coach/sign-in/[A-Za-z0-9_.~-]+")]
    private static partial Regex SignInPath();
}
