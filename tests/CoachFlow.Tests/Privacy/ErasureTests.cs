using System.Net;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Privacy;
using CoachFlow.LocalHost.Engine;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Tests.Privacy;

/// <summary>
/// Erasure on the provider production uses: after a client erases their engagement through the link
/// in their email, nothing they wrote is left anywhere in the storage account — CoachFlow's tables,
/// the task hub's tables, queues and blobs — their links answer like unknown ones, and a tombstone
/// without personal data remains.
/// </summary>
public sealed class ErasureTests() : AppTest(new CoachFlowApp(backend: EngineBackend.AzureStorage), followRedirects: false)
{
    [Fact]
    public async Task Erasing_through_the_clients_link_leaves_no_trace_in_any_table_queue_or_blob_only_a_tombstone()
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        var personal = new[] { $"Wilhelmina {marker}", $"w{marker}@example.com", $"goals-{marker}", $"therapist-{marker}", $"reflection-{marker}" };
        var drive = new LifecycleDriver(App, Client);
        await drive.StartAsync(personal[0], therapy: "yes", mentalHealthNote: personal[3], goals: $"I want to work on {personal[2]}", email: personal[1]);
        await drive.InviteAsync();
        var booking = await drive.LinkAsync(drive.Inbox, "Sam Rivers Coaching would love to meet you", "Choose a time");
        await drive.BookAsync(booking);
        await drive.HoldSessionAsync();
        await drive.ReflectAsync(Actor.Client, "yes", ("note", $"It felt right, {personal[4]}"));
        await drive.EventuallyAsync(async () => (await drive.TimelineAsync()).Any(e => e.Key == "decision-client"), "the client's reflection");
        var acknowledgement = await drive.EmailAsync(drive.Inbox, "Thank you for getting in touch");
        var status = acknowledgement.Links.Single(l => l.Label == "Follow progress").Url.PathAndQuery;
        var data = acknowledgement.Links.Single(l => l.Label == EngagementMailer.YourDataLabel).Url.PathAndQuery;
        var reflect = await drive.LinkAsync(drive.Inbox, "How did it feel?", "Share your reflection");
        Assert.NotEmpty(await StorageScan.FindAsync(personal, Ct));

        var erased = await drive.PostAsync(data, ("confirm", "erase"));

        Assert.Equal(HttpStatusCode.OK, erased.StatusCode);
        Assert.Contains("has been erased", await erased.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(await StorageScan.FindAsync([.. personal, drive.Id.Value], Ct));
        foreach (var link in new[] { status, booking, reflect, data })
        {
            var page = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, link) { Headers = { { "Accept", "text/html" } } }, Ct);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            Assert.Contains("This link is not valid or has expired", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        Assert.Null(await App.Get<DurableTaskClient>().GetInstanceAsync(drive.Id.Value, Ct));
        var tombstone = await App.Get<ErasureTombstones>().GetAsync(drive.Id, Ct);
        Assert.Equal(ErasureTombstones.Hash(drive.Id), tombstone!.HashedId);
        Assert.Equal(nameof(Actor.Client), tombstone.RequestedBy);
        Assert.False(tombstone.ContractKept);
        Assert.NotNull(tombstone.CompletedAt);
        Assert.DoesNotContain(drive.Id.Value, tombstone.HashedId, StringComparison.Ordinal);
    }
}
