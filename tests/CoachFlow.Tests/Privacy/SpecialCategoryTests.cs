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
/// log line, no timeline summary, no status, no email to the client.
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
}
