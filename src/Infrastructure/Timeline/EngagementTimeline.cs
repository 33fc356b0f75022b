using System.Net;
using Azure;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Infrastructure.Timeline;

/// <summary><c>EngagementTimeline</c>: partition = engagement, one row per entry, keyed for idempotency.</summary>
public sealed class EngagementTimeline(CoachFlowTables tables)
{
    /// <summary>Adds the entry unless one with its key exists; true when this call added it.</summary>
    public async Task<bool> TryAddAsync(EngagementId id, TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var row = new TableEntity(id.Value, entry.Key)
        {
            ["At"] = entry.At,
            ["Actor"] = entry.Actor.ToString(),
            ["Kind"] = entry.Kind,
            ["Summary"] = entry.Summary,
        };
        try
        {
            await Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    /// <summary>Removes one entry, if it is there: a claim whose step did not happen after all.</summary>
    public async Task RemoveAsync(EngagementId id, string key, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(id.Value, key, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            // Already gone (an erasure, say): nothing to undo.
        }
    }

    public async Task<bool> ContainsAsync(EngagementId id, string key, CancellationToken cancellationToken) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(id.Value, key, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false)).HasValue;

    /// <summary>The whole timeline, oldest first.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ListAsync(EngagementId id, CancellationToken cancellationToken)
    {
        var entries = new List<TimelineEntry>();
        await foreach (var row in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {id.Value}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new TimelineEntry(row.RowKey, row.GetDateTimeOffset("At") ?? default, Enum.Parse<Actor>(row.GetString("Actor")), row.GetString("Kind"), row.GetString("Summary")));
        }

        return [.. entries.OrderBy(e => e.At).ThenBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>Deletes the whole timeline; an empty one is fine.</summary>
    public Task DeleteAllAsync(EngagementId id, CancellationToken cancellationToken) =>
        Table.DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {id.Value}"), cancellationToken);

    private TableClient Table => tables.Get(TableName.EngagementTimeline);
}
