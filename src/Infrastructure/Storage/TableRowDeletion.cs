using Azure.Data.Tables;

namespace CoachFlow.Infrastructure.Storage;

/// <summary>Erasure's one storage move: every row a filter matches, deleted; none matching is fine, and so is a repeat.</summary>
public static class TableRowDeletion
{
    public static async Task DeleteWhereAsync(this TableClient table, string filter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }
}
