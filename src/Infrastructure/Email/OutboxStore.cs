using Azure.Data.Tables;
using System.Security.Cryptography;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Infrastructure.Email;

/// <summary>The local outbox table: where email goes instead of the internet when the provider is Outbox.</summary>
public sealed class OutboxStore(CoachFlowTables tables)
{
    public async Task AddAsync(OutboxEmail email, string? engagementId, CancellationToken cancellationToken)
    {
        var row = OutboxEntity.From(email, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), engagementId);
        await tables.Get(TableName.Outbox).AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes every email of one engagement; nothing to delete is fine.</summary>
    public Task DeleteAllAsync(string engagementId, CancellationToken cancellationToken) =>
        tables.Get(TableName.Outbox).DeleteWhereAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {OutboxEntity.PartitionKeyValue} and EngagementId eq {engagementId}"), cancellationToken);

    /// <summary>Every email, newest first.</summary>
    public async Task<IReadOnlyList<OutboxEmail>> ListAsync(CancellationToken cancellationToken)
    {
        var emails = new List<OutboxEmail>();
        var rows = tables.Get(TableName.Outbox).QueryAsync<OutboxEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {OutboxEntity.PartitionKeyValue}"), cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            emails.Add(row.ToEmail());
        }

        return emails;
    }
}
