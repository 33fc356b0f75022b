using CoachFlow.Domain.Engagements;
using CoachFlow.LocalHost.Engine;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CoachFlow.Tests.Privacy;

/// <summary>
/// The mental-health answer is special-category data (GDPR Art. 9): it lives in the engagement's row
/// and in what the coach reads, nowhere else — no other table, no queue or blob of the task hub, no
/// log line, no timeline summary, no status, no email to the client, no page a client's link opens —
/// whichever way the engagement goes. The runs of each path are also the recordings
/// <see cref="WorkflowVersioningTests"/> replays (with COACHFLOW_RECORD_HISTORIES=1).
/// </summary>
public sealed class SpecialCategoryTests() : AppTest(
    new CoachFlowApp(
        new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Information" },
        services: s => s.AddSingleton<ILoggerProvider>(Logs),
        backend: EngineBackend.AzureStorage),
    followRedirects: false)
{
    private static readonly CapturedLogs Logs = new();

    [Fact]
    public async Task The_mental_health_note_stays_in_the_engagement_row_and_the_coachs_emails()
    {
        var note = $"counsellor-{Guid.NewGuid():N}";
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync(therapy: "yes", mentalHealthNote: note);
        await drive.ThroughSessionAsync();
        await drive.ReflectAsync(Actor.Client, "yes");
        await drive.EventuallyAsync(async () => (await drive.TimelineAsync()).Any(e => e.Key == "decision-client"), "the client's reflection");
        var status = await Client.GetStringAsync((await drive.EmailAsync(LifecycleDriver.ClientEmail, "Thank you for getting in touch")).Links.Single(l => l.Label == "Follow progress").Url.PathAndQuery, Ct);

        var found = await StorageScan.FindAsync([note], Ct);

        Assert.Equal([$"table {App.TablePrefix}Engagements/{drive.Id.Value}/engagement: {note}"], found.Where(f => !f.StartsWith($"table {App.TablePrefix}Outbox/", StringComparison.Ordinal)));
        Assert.All(await drive.EmailsToAsync(LifecycleDriver.ClientEmail), e => Assert.DoesNotContain(note, e.Text + e.Html, StringComparison.Ordinal));
        Assert.Contains(await drive.EmailsToAsync(LifecycleDriver.CoachEmail), e => e.Text.Contains(note, StringComparison.Ordinal));
        Assert.DoesNotContain(note, status, StringComparison.Ordinal);
        Assert.DoesNotContain(await drive.TimelineAsync(), e => e.Summary.Contains(note, StringComparison.Ordinal));
        Assert.NotEmpty(Logs.Lines);
        Assert.DoesNotContain(Logs.Lines, l => l.Contains(note, StringComparison.Ordinal));
    }

    /// <summary>
    /// Six engagements side by side, each with a note of its own, each to a different end. Only the contracted one
    /// keeps its note in its row; the others drop it as they end. Whatever the path, the note reaches the coach and
    /// never the client.
    /// </summary>
    [Fact]
    public async Task On_every_path_the_note_reaches_the_coach_and_never_the_client_the_logs_or_the_workflow_history()
    {
        var paths = new Dictionary<string, Func<LifecycleDriver, Task>>
        {
            ["contracted"] = ContractedAsync,
            ["declined"] = DeclinedAtTriageAsync,
            ["not-compatible"] = NotCompatibleAsync,
            ["withdrawn-cancelled"] = RescheduledThenCancelledAsync,
            ["withdrawn-no-show"] = TwoNoShowsAsync,
            ["withdrawn-by-coach"] = WithdrawnByTheCoachAsync,
        };

        var runs = await Task.WhenAll(paths.Select(async path =>
        {
            var note = $"{path.Key}-therapist-{Guid.NewGuid():N}";
            var drive = new LifecycleDriver(App, Client);
            await drive.StartAsync(name: $"Ada {path.Key}", therapy: "yes", mentalHealthNote: note, email: $"{path.Key}@example.com");
            await path.Value(drive);
            await drive.EndAsync();
            if (path.Key != "contracted")
            {
                await RecordedHistory.SaveIfRecordingAsync(App, drive.Id, path.Key);
            }

            return (Path: path.Key, Note: note, Drive: drive);
        }));

        foreach (var (path, note, drive) in runs)
        {
            await SpecialCategory.AssertOnlyTheCoachSawAsync(Client, drive, note, path);
        }

        var contracted = runs.Single(r => r.Path == "contracted");
        var found = await StorageScan.FindAsync([.. runs.Select(r => r.Note)], Ct);
        Assert.Equal([$"table {App.TablePrefix}Engagements/{contracted.Drive.Id.Value}/engagement: {contracted.Note}"], found.Where(f => !f.StartsWith($"table {App.TablePrefix}Outbox/", StringComparison.Ordinal)));
        Assert.DoesNotContain(Logs.Lines, l => runs.Any(r => l.Contains(r.Note, StringComparison.Ordinal)));
    }

    private static async Task ContractedAsync(LifecycleDriver drive)
    {
        await drive.ThroughSessionAsync();
        await drive.ReflectAsync(Actor.Client, "yes");
        await drive.ReflectAsync(Actor.Coach, "yes");
        await drive.WaitForStageAsync(Stage.AwaitingAgreement);
        await drive.PostAsync(await drive.LinkAsync(drive.Inbox, "You both said yes", "Read and accept"), ("accept", "yes"), ("signature", "Ada Lovelace"));
        await drive.WaitForStageAsync(Stage.Contracted);
    }

    private static async Task DeclinedAtTriageAsync(LifecycleDriver drive)
    {
        await drive.PostAsync(await drive.LinkAsync(LifecycleDriver.CoachEmail, "New enquiry", "Decline"), ("note", "Not my area."));
        await drive.WaitForStageAsync(Stage.Declined);
    }

    private static async Task NotCompatibleAsync(LifecycleDriver drive)
    {
        await drive.ThroughSessionAsync();
        await drive.ReflectAsync(Actor.Coach, "no", ("note", "Grief work is not my field."), ("referral", "Dr Lee, grief specialist"));
        await drive.WaitForStageAsync(Stage.NotCompatible);
    }

    private static async Task RescheduledThenCancelledAsync(LifecycleDriver drive)
    {
        await drive.InviteAsync();
        var first = await drive.BookFirstSlotAsync();
        await drive.BookAsync(await drive.LinkAsync(drive.Inbox, "Your chemistry session with Sam Rivers Coaching is booked", "Choose a new time"), notBefore: first.AddMinutes(1));
        await drive.PostAsync(await drive.LinkAsync(drive.Inbox, "Your chemistry session with Sam Rivers Coaching has moved", "Cancel the session"));
        await drive.WaitForStageAsync(Stage.Withdrawn);
    }

    private static async Task WithdrawnByTheCoachAsync(LifecycleDriver drive)
    {
        await drive.InviteAsync();
        await drive.BookFirstSlotAsync();
        await drive.WithdrawAsync(("note", "I have had to close my practice to new clients."));
        await drive.WaitForStageAsync(Stage.Withdrawn);
    }

    private static async Task TwoNoShowsAsync(LifecycleDriver drive)
    {
        await drive.InviteAsync();
        await drive.BookFirstSlotAsync();
        await drive.PostAsync(await drive.CoachSessionLinkAsync("No-show"));
        await drive.WaitForStageAsync(Stage.AwaitingBooking);
        await drive.BookAsync((await drive.EmailAsync(drive.Inbox, "We missed you")).Links.Single(l => l.Label == "Choose a new time").Url.PathAndQuery);
        await drive.PostAsync(await drive.CoachSessionLinkAsync("No-show", booking: 2));
        await drive.WaitForStageAsync(Stage.Withdrawn);
    }
}

/// <summary>An engagement that ends on its own: the enquiry nobody answered closes (triage waits 2 s, then 5 s).</summary>
public sealed class SpecialCategoryExpiryTests() : AppTest(
    new CoachFlowApp(
        new Dictionary<string, string?>(TestSettings.ShortWait("Triage", TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5))) { ["Logging:LogLevel:Default"] = "Information" },
        services: s => s.AddSingleton<ILoggerProvider>(Logs),
        backend: EngineBackend.AzureStorage),
    followRedirects: false)
{
    private static readonly CapturedLogs Logs = new();

    [Fact]
    public async Task An_expired_enquiry_drops_the_note_and_never_showed_it_to_the_client()
    {
        var note = $"expired-therapist-{Guid.NewGuid():N}";
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync(therapy: "yes", mentalHealthNote: note);

        await drive.WaitForStageAsync(Stage.Expired);
        await drive.EndAsync();

        await RecordedHistory.SaveIfRecordingAsync(App, drive.Id, "expired");
        await SpecialCategory.AssertOnlyTheCoachSawAsync(Client, drive, note, "expired");
        Assert.DoesNotContain(await StorageScan.FindAsync([note], Ct), f => !f.StartsWith($"table {App.TablePrefix}Outbox/", StringComparison.Ordinal));
        Assert.DoesNotContain(Logs.Lines, l => l.Contains(note, StringComparison.Ordinal));
    }
}
