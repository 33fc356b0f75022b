using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Infrastructure.Privacy;

/// <summary>
/// The <c>Erasures</c> table: one row per erased engagement, keyed by a hash of its id, so a coach
/// can show that (and when) an erasure happened without keeping anything it erased.
/// </summary>
public sealed class ErasureTombstones(CoachFlowTables tables)
{
    private const string Partition = "erasure";
    private const string RequestedAtColumn = "RequestedAt";
    private const string RequestedByColumn = "RequestedBy";
    private const string ContractKeptColumn = "ContractKept";
    private const string CompletedAtColumn = "CompletedAt";
    private const string PendingIdColumn = "PendingEngagementId";

    public static string Hash(EngagementId id) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id.Value)));

    /// <summary>
    /// Records a request. Until the erasure completes the row also holds the engagement's id, so an
    /// erasure cut short (a crash, a timeout) can be finished later by <see cref="RetentionSweep"/>
    /// even though the engagement's own rows, and with them its links, are already gone. A repeat of an
    /// unfinished erasure keeps the first request; a new erasure after a finished one (the coach erasing
    /// what an agreed client's erasure kept) replaces it.
    /// </summary>
    public async Task RequestedAsync(EngagementId id, Actor requestedBy, bool contractKept, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken).ConfigureAwait(false) is null or { CompletedAt: not null })
        {
            var row = new TableEntity(Partition, Hash(id))
            {
                [RequestedAtColumn] = now,
                [RequestedByColumn] = requestedBy.ToString(),
                [ContractKeptColumn] = contractKept,
                [PendingIdColumn] = id.Value,
            };
            await Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Marks the erasure done and forgets the id: from here on only its hash remains.</summary>
    public async Task CompletedAsync(EngagementId id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = (await Table.GetEntityAsync<TableEntity>(Partition, Hash(id), cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        row.Remove(PendingIdColumn);
        row[CompletedAtColumn] = now;
        await Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ErasureTombstone?> GetAsync(EngagementId id, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Hash(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToTombstone(row.Value!) : null;
    }

    /// <summary>Erasures that were asked for and never finished, with the id and actor needed to finish them.</summary>
    public async Task<IReadOnlyList<(EngagementId Id, Actor RequestedBy)>> UnfinishedAsync(CancellationToken cancellationToken)
    {
        var unfinished = new List<(EngagementId, Actor)>();
        var rows = Table.QueryAsync<TableEntity>($"PartitionKey eq '{Partition}' and {PendingIdColumn} ne ''", cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            if (EngagementId.TryParse(row.GetString(PendingIdColumn), out var id) && Enum.TryParse<Actor>(row.GetString(RequestedByColumn), out var actor))
            {
                unfinished.Add((id, actor));
            }
        }

        return unfinished;
    }

    private static ErasureTombstone ToTombstone(TableEntity row) =>
        new(row.RowKey, row.GetDateTimeOffset(RequestedAtColumn) ?? default, row.GetString(RequestedByColumn), row.GetBoolean(ContractKeptColumn) ?? false, row.GetDateTimeOffset(CompletedAtColumn));

    private TableClient Table => tables.Get(TableName.Erasures);
}
