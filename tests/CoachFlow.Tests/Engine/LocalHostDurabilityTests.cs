using System.Text;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Tests.Browser;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using static CoachFlow.Tests.Engine.PartitionLeases;

namespace CoachFlow.Tests.Engine;

/// <summary>
/// The local host as a process on the Azure Storage provider: engagements outlive a SIGKILL of the
/// host, and hosts on one storage account share the task hub's partitions and take over a dead one's.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class LocalHostDurabilityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_host_killed_mid_engagement_carries_on_after_a_restart_with_timers_kept_and_each_email_sent_once()
    {
        await using var host = await RunningHost.StartAsync(new Dictionary<string, string>
        {
            ["CoachFlow:Engine:WorkerId"] = "crash-test",
            ["CoachFlow:Engine:MessageVisibilityTimeout"] = "00:00:10",
            ["CoachFlow:Durations:DecisionReminder"] = "00:00:15",
            ["CoachFlow:Durations:DecisionTimeout"] = "00:10:00",
        });
        await using var stores = HostStores.For(host.TablePrefix);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.BaseUrl };
        var drive = new LifecycleDriver(stores, http);
        await drive.StartAsync();
        await drive.InviteAsync();
        await drive.BookFirstSlotAsync();

        // Killed the moment the coach's click is accepted: the event may not have reached the workflow yet.
        await drive.PostAsync(await drive.CoachSessionLinkAsync("Session held"));
        await host.KillAsync();
        await host.RestartAsync();
        await drive.WaitForStageAsync(Stage.AwaitingDecisions);
        await drive.ReflectAsync(Actor.Client, "yes");

        // Killed while the decision reminder's durable timer is pending, and kept down past its due time.
        await host.KillAsync();
        await Task.Delay(TimeSpan.FromSeconds(16), Ct);
        await host.RestartAsync();
        await drive.EmailAsync(LifecycleDriver.CoachEmail, "Reminder: your reflection on Ada Lovelace");
        await drive.ReflectAsync(Actor.Coach, "yes");
        await drive.WaitForStageAsync(Stage.AwaitingAgreement);
        await drive.PostAsync(await drive.LinkAsync(LifecycleDriver.ClientEmail, "You both said yes", "Read and accept"), ("accept", "yes"), ("signature", "Ada Lovelace"));
        await drive.WaitForStageAsync(Stage.Contracted);
        await drive.EmailAsync(LifecycleDriver.CoachEmail, "Agreement accepted: Ada Lovelace");

        var emails = (await drive.EmailsToAsync(LifecycleDriver.ClientEmail)).Concat(await drive.EmailsToAsync(LifecycleDriver.CoachEmail)).ToList();
        var repeated = emails.GroupBy(e => (e.To, e.Subject)).Where(g => g.Count() > 1).Select(g => $"{g.Key.To}: {g.Key.Subject} ×{g.Count()}");
        Assert.Empty(repeated);
        // The session reminders are due a set time before the booked slot, so whether they went out depends on the wall clock.
        var reminders = new[] { "See you soon: chemistry session", "Chemistry session soon:" };
        var counted = emails.Where(e => !reminders.Any(r => e.Subject.StartsWith(r, StringComparison.Ordinal))).ToList();
        Assert.True(counted.Count == 12, string.Join("; ", counted.Select(e => $"{e.To}: {e.Subject}")));
    }

    [Fact]
    public async Task Two_hosts_share_the_partitions_and_the_survivor_takes_over_the_engagements_of_a_killed_one()
    {
        await using var first = await RunningHost.StartAsync(new Dictionary<string, string> { ["CoachFlow:Engine:WorkerId"] = "host-a" });
        await using var second = await RunningHost.StartAsync(new Dictionary<string, string>
        {
            ["CoachFlow:Engine:WorkerId"] = "host-b",
            ["CoachFlow:Storage:TablePrefix"] = first.TablePrefix,
            ["CoachFlow:Workflow:TaskHub"] = first.TaskHub,
        });
        await using var stores = HostStores.For(first.TablePrefix);
        using var viaFirst = new HttpClient { BaseAddress = first.BaseUrl };
        using var viaSecond = new HttpClient { BaseAddress = second.BaseUrl };
        var partitions = new TableClient(AzuriteFixture.ConnectionString, $"{first.TaskHub}Partitions");
        // Until the two hosts hold two partitions each with none changing hands, an instance on a partition being handed
        // over waits for the handover, which can take longer than a driver waits for a workflow to start.
        await EventuallyAsync(() => BalancedAsync(partitions), "both hosts to hold two partitions each, none changing hands", TimeSpan.FromMinutes(2));

        // Engagements until one lives on a partition the first host owns.
        var owners = await OwnersAsync(partitions);
        var drivers = new List<LifecycleDriver>();
        while (!drivers.Any(d => owners[PartitionOf(first.TaskHub, d.Id)] == "host-a"))
        {
            var drive = new LifecycleDriver(stores, drivers.Count % 2 == 0 ? viaFirst : viaSecond);
            await drive.StartAsync(name: $"Client {drivers.Count} Lovelace");
            drivers.Add(drive);
        }

        await Task.WhenAll(drivers.Select(d => d.WaitForStageAsync(Stage.AwaitingCoachTriage)));
        await first.KillAsync();
        await EventuallyAsync(async () => (await OwnersAsync(partitions)).Values.All(o => o == "host-b"), "the second host to own every partition", TimeSpan.FromMinutes(2));

        foreach (var (drive, n) in drivers.Select((d, n) => (d, n)))
        {
            var invite = (await drive.EmailAsync(LifecycleDriver.CoachEmail, $"New enquiry: Client {n} Lovelace")).Links.Single(l => l.Label.StartsWith("Invite", StringComparison.Ordinal)).Url.PathAndQuery;
            await viaSecond.PostAsync(invite, new FormUrlEncodedContent([]), Ct);
        }

        await Task.WhenAll(drivers.Select(d => d.WaitForStageAsync(Stage.AwaitingBooking)));
    }

    private static async Task<bool> BalancedAsync(TableClient partitions)
    {
        var leases = new List<TableEntity>();
        await foreach (var lease in partitions.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            leases.Add(lease);
        }

        return leases.Count == 4
            && leases.All(l => string.IsNullOrEmpty(l.GetString("NextOwner")) && l.GetBoolean("IsDraining") != true)
            && leases.GroupBy(l => l.GetString("CurrentOwner")).Select(g => (g.Key, g.Count())).OrderBy(g => g.Key).SequenceEqual([("host-a", 2), ("host-b", 2)]);
    }

    /// <summary>The control queue an instance lives on: the Azure Storage provider hashes the instance id (FNV-1a over UTF-8).</summary>
    private static string PartitionOf(string taskHub, EngagementId id)
    {
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(id.Value))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return $"{taskHub.ToLowerInvariant()}-control-{hash % 4:D2}";
    }
}
