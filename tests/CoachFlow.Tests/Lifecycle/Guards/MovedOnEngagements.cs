using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Tests.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>
/// One engagement in each <see cref="MovedOn"/> state, reached through the real HTTP surface on the real
/// engine, built once and shared by every row of the guard tables. Ends that need a deadline to pass get
/// a host of their own where only that wait is short; the rest share one host where nothing runs out.
/// </summary>
public sealed class MovedOnEngagements : IAsyncLifetime
{
    private static readonly TimeSpan Reminder = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(6);

    /// <summary>How far ahead sessions are booked: their reminders (24 hours before) stay hours away from the rows.</summary>
    private static readonly TimeSpan ReminderClear = TimeSpan.FromHours(27);

    private readonly List<MovedOnHost> _hosts = [];
    private readonly Dictionary<MovedOn, MovedOnEngagement> _engagements = [];
    private readonly Dictionary<CoachFlowApp, SemaphoreSlim> _bookings = [];
    private int _clients;

    public MovedOnEngagement this[MovedOn state] => _engagements[state];

    public async ValueTask InitializeAsync()
    {
        var patient = Host(new Dictionary<string, string?>());
        var triage = Host(TestSettings.ShortWait("Triage", Reminder, Deadline));
        var booking = Host(TestSettings.ShortWait("Booking", Reminder, Deadline));
        var decisions = Host(TestSettings.ShortWait("Decision", Reminder, Deadline));
        var agreement = Host(TestSettings.ShortWait("Agreement", Reminder, Deadline));

        await Task.WhenAll(
            ReachAsync(MovedOn.ExpiredAtTriage, triage, async d => await d.WaitForStageAsync(Stage.Expired)),
            ReachAsync(MovedOn.DeclinedAtTriage, patient, async d =>
            {
                await d.PostAsync(await d.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Decline"));
                await d.WaitForStageAsync(Stage.Declined);
            }),
            ReachAsync(MovedOn.Invited, patient, d => d.InviteAsync()),
            ReachAsync(MovedOn.ExpiredAtBooking, booking, async d =>
            {
                await d.InviteAsync();
                await d.WaitForStageAsync(Stage.Expired);
            }),
            ReachAsync(MovedOn.Booked, patient, async d =>
            {
                await d.InviteAsync();
                await BookAsync(patient, d);
            }),
            ReachAsync(MovedOn.Withdrawn, patient, async d =>
            {
                await d.InviteAsync();
                await BookAsync(patient, d);
                await d.PostAsync(await d.LinkAsync(d.Inbox, "Your chemistry session with Sam Rivers Coaching is booked", "Cancel the session"));
                await d.WaitForStageAsync(Stage.Withdrawn);
            }),
            ReachAsync(MovedOn.ClientReflected, patient, async d =>
            {
                await ThroughSessionAsync(patient, d);
                await ReflectedAsync(d, Actor.Client, "yes");
            }),
            ReachAsync(MovedOn.ExpiredAtDecisions, decisions, async d =>
            {
                await ThroughSessionAsync(decisions, d);
                await ReflectedAsync(d, Actor.Client, "yes");
                await d.WaitForStageAsync(Stage.Expired);
            }),
            ReachAsync(MovedOn.NotCompatible, patient, async d =>
            {
                await ThroughSessionAsync(patient, d);
                await ReflectedAsync(d, Actor.Client, "no");
                await d.WaitForStageAsync(Stage.NotCompatible);
            }),
            ReachAsync(MovedOn.AwaitingAgreement, patient, async d =>
            {
                await BothSayYesAsync(patient, d);
                await d.EmailAsync(d.Inbox, "You both said yes");
            }),
            ReachAsync(MovedOn.AgreementLapsed, agreement, async d =>
            {
                await BothSayYesAsync(agreement, d);
                await d.WaitForStageAsync(Stage.AgreementLapsed);
            }),
            ReachAsync(MovedOn.Contracted, patient, async d =>
            {
                await BothSayYesAsync(patient, d);
                await d.PostAsync(await d.LinkAsync(d.Inbox, "You both said yes", "Read and accept"), ("accept", "yes"), ("signature", "Ada Lovelace"));
                await d.WaitForStageAsync(Stage.Contracted);
                await d.EmailAsync(LifecycleDriver.CoachEmail, "Agreement accepted");
            }),
            ReachAsync(MovedOn.Erased, patient, async d =>
            {
                await ThroughSessionAsync(patient, d);
                await ReflectedAsync(d, Actor.Client, "yes");
                await d.PostAsync(await d.LinkAsync(d.Inbox, "Thank you for getting in touch", EngagementMailer.YourDataLabel), ("confirm", "erase"));
            }));

        // Only once every engagement is where it should be: until then, each host's tables are still changing.
        await Task.WhenAll(_hosts.Select(h => h.SettleAsync()));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            host.Client.Dispose();
            await host.App.DisposeAsync();
        }

        foreach (var gate in _bookings.Values)
        {
            gate.Dispose();
        }
    }

    private CoachFlowApp Host(Dictionary<string, string?> settings)
    {
        var app = new CoachFlowApp(settings);
        _hosts.Add(new MovedOnHost(app, app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false })));
        _bookings[app] = new SemaphoreSlim(1);
        return app;
    }

    private async Task ReachAsync(MovedOn state, CoachFlowApp app, Func<LifecycleDriver, Task> steps)
    {
        var host = _hosts.Single(h => h.App == app);
        var drive = new LifecycleDriver(app, host.Client);
        var n = Interlocked.Increment(ref _clients);
        await drive.StartAsync(email: $"client{n}@example.com");
        await steps(drive);
        var session = state != MovedOn.Erased
            ? (await app.Get<Infrastructure.Engagements.EngagementStore>().GetAsync(drive.Id, TestContext.Current.CancellationToken))?.Chemistry?.Start
            : null;
        var engagement = new MovedOnEngagement(state, host, drive.Id, session ?? DateTimeOffset.UtcNow.AddDays(2));
        host.Add(drive.Id);
        if (state != MovedOn.Erased && (await engagement.StageAsync())!.Value.IsTerminal())
        {
            await drive.EndAsync();
        }

        lock (_engagements)
        {
            _engagements[state] = engagement;
        }
    }

    /// <summary>
    /// Books a free slot; one booking at a time per host, so two engagements never race for the same slot. Not the first
    /// free one: its session reminder (a day before, with a day's notice) falls due within minutes, and the Booked
    /// engagement's reminder going out in the middle of the rows failed whichever row was running then.
    /// </summary>
    private async Task BookAsync(CoachFlowApp app, LifecycleDriver drive)
    {
        await _bookings[app].WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            await drive.BookFirstSlotAsync(notBefore: DateTimeOffset.UtcNow + ReminderClear);
        }
        finally
        {
            _bookings[app].Release();
        }
    }

    private async Task ThroughSessionAsync(CoachFlowApp app, LifecycleDriver drive)
    {
        await drive.InviteAsync();
        await BookAsync(app, drive);
        await drive.HoldSessionAsync();
    }

    private async Task BothSayYesAsync(CoachFlowApp app, LifecycleDriver drive)
    {
        await ThroughSessionAsync(app, drive);
        await ReflectedAsync(drive, Actor.Client, "yes");
        await drive.ReflectAsync(Actor.Coach, "yes");
        await drive.WaitForStageAsync(Stage.AwaitingAgreement);
    }

    private static async Task ReflectedAsync(LifecycleDriver drive, Actor who, string decision)
    {
        await drive.ReflectAsync(who, decision);
        await drive.EventuallyAsync(async () => (await drive.TimelineAsync()).Any(e => e.Key == $"decision-{who.ToString().ToLowerInvariant()}"), $"the {who}'s reflection");
    }
}
