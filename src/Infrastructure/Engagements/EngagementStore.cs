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
        var id = idempotencyKey is null
            ? candidateId
            : await ClaimIdempotencyKeyAsync(candidateId, idempotencyKey, answers.Email, cancellationToken).ConfigureAwait(false);

        var engagement = new Engagement(id, Stage.Received, now, now, answers);
        try
        {
            await tables.Get(TableName.Engagements).AddEntityAsync(EngagementEntity.From(engagement), cancellationToken).ConfigureAwait(false);
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

    private async Task<EngagementId> ClaimIdempotencyKeyAsync(EngagementId candidateId, string idempotencyKey, string email, CancellationToken cancellationToken)
    {
        var table = tables.Get(TableName.IntakeKeys);
        var partitionKey = HashKey(idempotencyKey, email);
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
