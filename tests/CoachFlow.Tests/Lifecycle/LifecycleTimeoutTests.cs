using CoachFlow.Domain.Engagements;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// Each wait of DESIGN §1 with its reminder and deadline, in real seconds on the real engine: one
/// class per wait, so only the wait under test is short.
/// </summary>
public sealed class TriageTimeoutTests() : AppTest(new CoachFlowApp(TestSettings.ShortWait("Triage", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))), followRedirects: false)
{
    [Fact]
    public async Task Triage_reminds_the_coach_then_expires_with_a_gentle_close()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();

        var reminder = await drive.EmailAsync(LifecycleDriver.CoachEmail, "Ada Lovelace is waiting to hear from you");
        Assert.Equal(["Invite to a chemistry session", "Decline kindly"], reminder.Links.Select(l => l.Label));
        Assert.Equal(Stage.AwaitingCoachTriage, await drive.StageAsync());

        await drive.WaitForStageAsync(Stage.Expired);
        Assert.Contains("The door stays open", (await drive.EmailAsync(LifecycleDriver.ClientEmail, "Sorry we couldn't reply in time")).Text, StringComparison.Ordinal);
        await drive.EmailAsync(LifecycleDriver.CoachEmail, "Closed for now: Ada Lovelace");
        var reminded = Assert.Single(await drive.TimelineAsync(), e => e.Summary.Contains("is waiting to hear from you", StringComparison.Ordinal)).At;
        var expired = Assert.Single(await drive.TimelineAsync(), e => e.Summary == "Stage: Expired").At;
        Assert.True(expired - reminded >= TimeSpan.FromSeconds(2), $"expired {expired - reminded} after the reminder");
    }
}

public sealed class BookingTimeoutTests() : AppTest(new CoachFlowApp(TestSettings.ShortWait("Booking", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))), followRedirects: false)
{
    [Fact]
    public async Task Booking_reminds_the_client_then_expires()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        await drive.InviteAsync();

        var reminder = await drive.EmailAsync(LifecycleDriver.ClientEmail, "A gentle reminder: choose a time");
        Assert.Equal(["Choose a time", "Your data"], reminder.Links.Select(l => l.Label));

        await drive.WaitForStageAsync(Stage.Expired);
        Assert.Contains("closing the invitation for now", (await drive.EmailAsync(LifecycleDriver.ClientEmail, "Closing our conversation for now")).Text, StringComparison.Ordinal);
    }
}

public sealed class DecisionTimeoutTests() : AppTest(new CoachFlowApp(TestSettings.ShortWait("Decision", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))), followRedirects: false)
{
    [Fact]
    public async Task Decisions_remind_only_the_silent_side_then_expire()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        await drive.ThroughSessionAsync();
        await drive.ReflectAsync(Actor.Client, "yes");

        var reminder = await drive.EmailAsync(LifecycleDriver.CoachEmail, "Reminder: your reflection on Ada Lovelace");
        Assert.Contains("/reflect/", Assert.Single(reminder.Links).Url.AbsolutePath, StringComparison.Ordinal);
        await drive.WaitForStageAsync(Stage.Expired);
        await drive.EmailAsync(LifecycleDriver.ClientEmail, "Closing our conversation for now");
        Assert.DoesNotContain(await drive.EmailsToAsync(LifecycleDriver.ClientEmail), e => e.Subject.StartsWith("A gentle reminder: your reflection", StringComparison.Ordinal));
    }
}

public sealed class AgreementTimeoutTests() : AppTest(new CoachFlowApp(TestSettings.ShortWait("Agreement", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))), followRedirects: false)
{
    [Fact]
    public async Task An_unaccepted_agreement_lapses_after_a_reminder()
    {
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync();
        await drive.ThroughSessionAsync();
        await drive.ReflectAsync(Actor.Client, "yes");
        await drive.ReflectAsync(Actor.Coach, "yes");

        await drive.EmailAsync(LifecycleDriver.ClientEmail, "A gentle reminder: your coaching agreement");
        await drive.WaitForStageAsync(Stage.AgreementLapsed);
        Assert.Contains("the offer has lapsed", (await drive.EmailAsync(LifecycleDriver.ClientEmail, "Your coaching agreement with Sam Rivers Coaching")).Text, StringComparison.Ordinal);
    }
}
