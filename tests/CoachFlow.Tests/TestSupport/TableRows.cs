using Azure.Data.Tables;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Tests.TestSupport;

/// <summary>Reads a test's tables directly, to check what really reached storage.</summary>
public static class TableRows
{
    public static async Task<List<TableEntity>> AllAsync(CoachFlowApp app, string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in app.Get<CoachFlowTables>().Get(table).QueryAsync<TableEntity>(cancellationToken: TestContext.Current.CancellationToken))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The engagements themselves, without the rows that belong to them (records, the idempotency pointer).</summary>
    public static async Task<List<TableEntity>> EngagementsAsync(CoachFlowApp app) =>
        [.. (await AllAsync(app, TableName.Engagements)).Where(r => r.RowKey == EngagementEntity.RowKeyValue)];
}
