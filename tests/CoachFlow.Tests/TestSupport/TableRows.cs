using Azure.Data.Tables;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Tests.TestSupport;

/// <summary>Reads a test's tables directly, to check what really reached storage.</summary>
public static class TableRows
{
    public static Task<List<TableEntity>> AllAsync(CoachFlowApp app, string table) => AllAsync(app.Get<CoachFlowTables>(), table);

    public static async Task<List<TableEntity>> AllAsync(CoachFlowTables tables, string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in tables.Get(table).QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Every row's keys and ETag, without its properties: enough to see any insert, delete or rewrite, and far less to
    /// read than the outbox's email bodies.
    /// </summary>
    public static async Task<List<TableEntity>> KeysAsync(CoachFlowApp app, string table)
    {
        ArgumentNullException.ThrowIfNull(app);
        var rows = new List<TableEntity>();
        await foreach (var row in app.Get<CoachFlowTables>().Get(table).QueryAsync<TableEntity>(select: [nameof(TableEntity.PartitionKey), nameof(TableEntity.RowKey)], cancellationToken: TestContext.Current.CancellationToken))
        {
            Assert.False(string.IsNullOrEmpty(row.ETag.ToString()), $"A row of {table} came back without its ETag, so a rewrite of it would not show.");
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The engagements themselves, without the rows that belong to them (records, the idempotency pointer).</summary>
    public static Task<List<TableEntity>> EngagementsAsync(CoachFlowApp app) => EngagementsAsync(app.Get<CoachFlowTables>());

    public static async Task<List<TableEntity>> EngagementsAsync(CoachFlowTables tables) =>
        [.. (await AllAsync(tables, TableName.Engagements)).Where(r => r.RowKey == EngagementEntity.RowKeyValue)];
}
