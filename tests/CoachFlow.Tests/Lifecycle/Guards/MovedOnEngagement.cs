using System.Globalization;
using System.Text;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>
/// One engagement that has moved on, on its host: signed links of every kind for it (as its emails
/// carry them), a valid form for each (one that would act if the link still applied), and a snapshot of
/// everything the host keeps, to show that following a link changed nothing.
/// </summary>
public sealed class MovedOnEngagement(MovedOn state, CoachFlowApp app, HttpClient client, EngagementId id, DateTimeOffset sessionStart)
{
    public MovedOn State { get; } = state;

    public CoachFlowApp App { get; } = app;

    public HttpClient Client { get; } = client;

    public EngagementId Id { get; } = id;

    /// <summary>The host's <see cref="SnapshotAsync"/> once every engagement on it was settled; links followed since must leave it so.</summary>
    public string Baseline { get; set; } = string.Empty;

    /// <summary>The link's path and query, signed for this engagement as its email would carry it.</summary>
    public string Link(LinkKind kind)
    {
        var links = App.Get<PublicLinks>();
        var uri = kind switch
        {
            LinkKind.Invite => links.InviteToChemistry(Id),
            LinkKind.Decline => links.DeclineAtTriage(Id),
            LinkKind.SessionHeld => links.SessionHeld(Id, sessionStart),
            LinkKind.NoShow => links.NoShow(Id, sessionStart),
            LinkKind.Cancel => links.CancelChemistry(Id, sessionStart),
            LinkKind.Book => links.Book(Id),
            LinkKind.Reschedule => links.Reschedule(Id, sessionStart),
            LinkKind.CoachReflection => links.Reflect(Id, Actor.Coach),
            LinkKind.ClientReflection => links.Reflect(Id, Actor.Client),
            LinkKind.Agreement => links.Agreement(Id),
            LinkKind.YourData => links.Data(Id, Actor.Client),
            LinkKind.Status => links.Status(Id),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        return uri.PathAndQuery;
    }

    /// <summary>What a person would submit: everything the page asks for, filled in as if to go ahead.</summary>
    public async Task<FormUrlEncodedContent> FormAsync(LinkKind kind)
    {
        (string, string)[] fields = kind switch
        {
            LinkKind.Decline => [("note", "Not the right fit"), ("referral", "Alex Moreno")],
            LinkKind.Book or LinkKind.Reschedule => [("slot", await FreeSlotAsync())],
            LinkKind.CoachReflection or LinkKind.ClientReflection => [("decision", "yes"), ("safe", "yes"), ("note", "A late yes")],
            LinkKind.Agreement => [("accept", "yes"), ("signature", "Ada Lovelace")],
            LinkKind.YourData => [("confirm", "erase")],
            _ => [],
        };
        return new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
    }

    /// <summary>
    /// Every row of every CoachFlow table of the host (with its ETag, so a rewrite shows), and the
    /// engagement's workflow instance: its status and when it last ran. Nothing may differ after a
    /// link is followed on an engagement that has moved past it.
    /// </summary>
    public async Task<string> SnapshotAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var text = new StringBuilder();
        foreach (var table in TableName.All)
        {
            foreach (var row in (await TableRows.AllAsync(App, table)).OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal))
            {
                text.Append(table).Append(' ').Append(row.PartitionKey).Append(' ').Append(row.RowKey).Append(' ').Append(row.ETag).AppendLine();
            }
        }

        var instance = await App.Get<DurableTaskClient>().GetInstanceAsync(Id.Value, ct);
        text.Append(CultureInfo.InvariantCulture, $"workflow {instance?.RuntimeStatus} {instance?.LastUpdatedAt:O} {instance?.SerializedCustomStatus}");
        return text.ToString();
    }

    public async Task<Stage?> StageAsync() => (await App.Get<EngagementStore>().GetAsync(Id, TestContext.Current.CancellationToken))?.Stage;

    public async Task<bool> WorkflowRunsAsync() =>
        await App.Get<DurableTaskClient>().GetInstanceAsync(Id.Value, TestContext.Current.CancellationToken) is { IsCompleted: false };

    private async Task<string> FreeSlotAsync()
    {
        var free = await App.Get<ChemistryScheduler>().FreeSlotsAsync(TestContext.Current.CancellationToken);
        return SlotFormat.ToUtc(free[0].Start);
    }
}
