using System.Globalization;
using System.Net;
using Azure;
using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Storage;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>
/// <c>SlotReservations</c>: partition = coach, row = slot start in UTC. Reserving is an insert, so of
/// any number of clients racing for one slot exactly one gets it.
/// </summary>
public sealed class SlotReservationStore(CoachFlowTables tables)
{
    private const string Format = "yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'";

    public async Task<bool> TryReserveAsync(string coachId, Slot slot, EngagementId engagementId, CancellationToken cancellationToken)
    {
        var row = new TableEntity(coachId, Key(slot.Start))
        {
            ["End"] = slot.End.ToDateTimeOffset(),
            ["EngagementId"] = engagementId.Value,
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

    /// <summary>Frees a slot, but only if this engagement holds it; releasing twice is harmless.</summary>
    public async Task ReleaseAsync(string coachId, Instant start, EngagementId engagementId, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(coachId, Key(start), cancellationToken: cancellationToken).ConfigureAwait(false);
        if (row.HasValue && row.Value!.GetString("EngagementId") == engagementId.Value)
        {
            try
            {
                await Table.DeleteEntityAsync(row.Value, row.Value.ETag, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.PreconditionFailed)
            {
                // Released meanwhile, or already re-taken by someone else: either way not ours to delete.
            }
        }
    }

    /// <summary>Frees every slot this engagement holds (erasure).</summary>
    public Task ReleaseAllAsync(string coachId, EngagementId engagementId, CancellationToken cancellationToken) =>
        Table.DeleteWhereAsync(TableClient.CreateQueryFilter($"PartitionKey eq {coachId} and EngagementId eq {engagementId.Value}"), cancellationToken);

    /// <summary>Reservations starting in [from, to).</summary>
    public async Task<IReadOnlyList<Slot>> ListAsync(string coachId, Instant from, Instant to, CancellationToken cancellationToken)
    {
        var slots = new List<Slot>();
        var (low, high) = (Key(from), Key(to));
        var rows = Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {coachId} and RowKey ge {low} and RowKey lt {high}"), cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            var start = DateTimeOffset.ParseExact(row.RowKey, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
            slots.Add(new Slot(Instant.FromDateTimeOffset(start), Instant.FromDateTimeOffset(row.GetDateTimeOffset("End")!.Value)));
        }

        return slots;
    }

    private TableClient Table => tables.Get(TableName.SlotReservations);

    private static string Key(Instant start) => start.ToDateTimeOffset().ToString(Format, CultureInfo.InvariantCulture);
}
