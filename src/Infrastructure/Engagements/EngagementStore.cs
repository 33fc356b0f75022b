using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Infrastructure.Storage;

namespace CoachFlow.Infrastructure.Engagements;

/// <summary>Reads and writes engagements in the <c>Engagements</c> table.</summary>
public sealed class EngagementStore(CoachFlowTables tables)
{
    private const string IntakeKeyRow = "intake-key";
    private const string IntakeKeyColumn = "Key";

    /// <summary>
    /// Stores a new engagement, or finds the one an earlier request with the same idempotency key
    /// created. Both steps are insert-if-absent, so racing repeats converge on one engagement, and a
    /// repeat after a crash between the two steps still stores the client's answers.
    /// </summary>
    public async Task<EngagementCreation> CreateAsync(
        EngagementId candidateId,
        IntakeAnswers answers,
        string? idempotencyKey,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var keyHash = idempotencyKey is null ? null : HashKey(idempotencyKey, answers.Email);
        var id = keyHash is null ? candidateId : await ClaimIdempotencyKeyAsync(candidateId, keyHash, cancellationToken).ConfigureAwait(false);
        var engagement = new Engagement(id, Stage.Received, now, now, answers);
        var table = tables.Get(TableName.Engagements);
        try
        {
            if (keyHash is null)
            {
                await table.AddEntityAsync(EngagementEntity.From(engagement), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                // The engagement remembers its idempotency row, so erasing the engagement erases that row too. Both rows
                // share the engagement's partition, so they go in one transaction: one round trip, never one without the other.
                await table.SubmitTransactionAsync(
                    [
                        new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity(id.Value, IntakeKeyRow) { [IntakeKeyColumn] = keyHash }),
                        new TableTransactionAction(TableTransactionActionType.Add, EngagementEntity.From(engagement)),
                    ],
                    cancellationToken).ConfigureAwait(false);
            }

            return new EngagementCreation(engagement, Created: true);
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            var existing = await GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("An engagement row conflicted on insert but could not be read.", e);
            return new EngagementCreation(existing, Created: false);
        }
    }

    public async Task<Engagement?> GetAsync(EngagementId id, CancellationToken cancellationToken)
    {
        var row = await tables.Get(TableName.Engagements)
            .GetEntityIfExistsAsync<EngagementEntity>(id.Value, EngagementEntity.RowKeyValue, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue ? row.Value!.ToEngagement() : null;
    }

    /// <summary>Every engagement, for the coach's pipeline: one row per engagement, read across partitions.</summary>
    public async Task<IReadOnlyList<Engagement>> ListAsync(CancellationToken cancellationToken)
    {
        List<Engagement> all = [];
        var rows = tables.Get(TableName.Engagements).QueryAsync<EngagementEntity>(
            TableClient.CreateQueryFilter($"RowKey eq {EngagementEntity.RowKeyValue}"), cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            all.Add(row.ToEngagement());
        }

        return all;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the current engagement and stores the result, re-reading
    /// and re-applying when someone else wrote in between (ETag). A change that returns the engagement
    /// unchanged writes nothing. Null when the engagement does not exist.
    /// </summary>
    public async Task<EngagementUpdate?> UpdateAsync(EngagementId id, Func<Engagement, Engagement> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var table = tables.Get(TableName.Engagements);
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<EngagementEntity>(id.Value, EngagementEntity.RowKeyValue, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue)
            {
                return null;
            }

            var before = row.Value!.ToEngagement();
            var after = change(before);
            if (after == before)
            {
                return new EngagementUpdate(before, after);
            }

            try
            {
                await table.UpdateEntityAsync(EngagementEntity.From(after), row.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                return new EngagementUpdate(before, after);
            }
            catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.PreconditionFailed)
            {
                // Someone else changed it first: decide again on what they wrote.
            }
        }
    }

    /// <summary>Deletes every row of the engagement's partition (intake, records, the pointer to its idempotency row) and that row.</summary>
    public async Task DeleteAsync(EngagementId id, CancellationToken cancellationToken)
    {
        await DeleteIntakeKeyAsync(id, cancellationToken).ConfigureAwait(false);
        await tables.Get(TableName.Engagements).DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {id.Value}"), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Keeps only what an agreed engagement's contract consists of: the client's name, email, time zone
    /// and the goals they agreed to, and the signed agreement. Every other answer and record goes.
    /// </summary>
    public async Task KeepContractOnlyAsync(EngagementId id, CancellationToken cancellationToken)
    {
        await UpdateAsync(
            id,
            e => e with
            {
                Intake = e.Intake with { FocusAreas = [], SeeingMentalHealthProfessional = MentalHealthSupport.Erased, MentalHealthNote = null, HeardFrom = null },
                Chemistry = null,
            },
            cancellationToken).ConfigureAwait(false);
        await DeleteIntakeKeyAsync(id, cancellationToken).ConfigureAwait(false);
        await tables.Get(TableName.Engagements).DeleteWhereAsync(
            TableClient.CreateQueryFilter($"PartitionKey eq {id.Value} and RowKey ne {EngagementEntity.RowKeyValue} and RowKey ne {EngagementRecords.Agreement}"),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task DeleteIntakeKeyAsync(EngagementId id, CancellationToken cancellationToken)
    {
        var pointer = await tables.Get(TableName.Engagements).GetEntityIfExistsAsync<TableEntity>(id.Value, IntakeKeyRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (pointer.HasValue && pointer.Value!.GetString(IntakeKeyColumn) is { } keyHash)
        {
            await tables.Get(TableName.IntakeKeys).DeleteEntityAsync(keyHash, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<EngagementId> ClaimIdempotencyKeyAsync(EngagementId candidateId, string partitionKey, CancellationToken cancellationToken)
    {
        var table = tables.Get(TableName.IntakeKeys);
        try
        {
            await table.AddEntityAsync(new IntakeKeyEntity { PartitionKey = partitionKey, EngagementId = candidateId.Value }, cancellationToken).ConfigureAwait(false);
            return candidateId;
        }
        catch (RequestFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            var existing = await table.GetEntityAsync<IntakeKeyEntity>(partitionKey, string.Empty, cancellationToken: cancellationToken).ConfigureAwait(false);
            return EngagementId.TryParse(existing.Value.EngagementId, out var id)
                ? id
                : throw new InvalidDataException("An IntakeKeys row holds a malformed engagement id.", e);
        }
    }

    private static string HashKey(string idempotencyKey, string email)
    {
        var material = Encoding.UTF8.GetBytes($"{idempotencyKey}\n{email.ToUpperInvariant()}");
        return Convert.ToHexStringLower(SHA256.HashData(material));
    }
}
