using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Infrastructure.Engagements;

/// <summary>
/// Records that belong to an engagement (triage, reflections, the signed agreement, a withdrawal), kept as rows in
/// the engagement's own partition so erasure takes them along. Each is written once: the first
/// answer stands and a repeat is reported, never overwritten.
/// </summary>
public sealed class EngagementRecords(CoachFlowTables tables)
{
    public const string Triage = "triage";
    public const string Agreement = "agreement";
    public const string Withdrawal = "withdrawal";

    public static string ReflectionOf(Actor who) => $"reflection-{who.ToString().ToLowerInvariant()}";

    /// <summary>True when this call stored the record; false when one was already there.</summary>
    public async Task<bool> TryAddAsync<T>(EngagementId id, string key, T record, CancellationToken cancellationToken)
    {
        try
        {
            await Table.AddEntityAsync(new TableEntity(id.Value, key) { ["Record"] = JsonSerializer.Serialize(record) }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task<T?> GetAsync<T>(EngagementId id, string key, CancellationToken cancellationToken)
        where T : class
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id.Value, key, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? JsonSerializer.Deserialize<T>(row.Value!.GetString("Record")) : null;
    }

    private TableClient Table => tables.Get(TableName.Engagements);
}
