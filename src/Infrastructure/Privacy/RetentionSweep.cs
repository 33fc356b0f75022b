using Azure.Data.Tables;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Storage;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Privacy;

/// <summary>
/// Retention by default: an engagement that ended without a contract is erased once
/// <c>CoachFlow:Retention:EndedWithoutContract</c> has passed since it ended. The local host runs
/// this on a timer, the Functions app from a timer trigger: the same code. Each sweep first finishes
/// any erasure that was cut short, whoever asked for it.
/// </summary>
public sealed partial class RetentionSweep(
    CoachFlowTables tables, EngagementEraser eraser, ErasureTombstones tombstones, TimeProvider clock, IOptions<CoachFlowOptions> options, ILogger<RetentionSweep> log)
{
    private static readonly Stage[] EndedWithoutContract = [.. Enum.GetValues<Stage>().Where(s => s.IsTerminal() && s != Stage.Contracted)];

    /// <summary>Finishes unfinished erasures, then erases every engagement past its retention; returns how many it erased.</summary>
    public async Task<int> SweepAsync(DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var unfinished = await tombstones.UnfinishedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var (id, requestedBy) in unfinished)
        {
            var finished = await eraser.EraseAsync(id, requestedBy, workflows, cancellationToken).ConfigureAwait(false);
            Log.Finished(log, finished.HashedId);
        }

        var cutoff = clock.GetUtcNow() - options.Value.Retention.EndedWithoutContract;
        var stages = string.Join(" or ", EndedWithoutContract.Select(s => $"Stage eq '{s}'"));
        var filter = $"RowKey eq '{EngagementEntity.RowKeyValue}' and UpdatedAt le {TableClient.CreateQueryFilter($"{cutoff}")} and ({stages})";
        var due = new List<EngagementId>();
        await foreach (var row in tables.Get(TableName.Engagements).QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (EngagementId.TryParse(row.PartitionKey, out var id))
            {
                due.Add(id);
            }
        }

        foreach (var id in due)
        {
            var tombstone = await eraser.EraseAsync(id, Actor.System, workflows, cancellationToken).ConfigureAwait(false);
            Log.Erased(log, tombstone.HashedId);
        }

        return unfinished.Count + due.Count;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Retention erased an engagement that ended without a contract (tombstone {HashedId})")]
        public static partial void Erased(ILogger logger, string hashedId);

        [LoggerMessage(EventId = 1102, Level = LogLevel.Warning, Message = "Finished an erasure that had been cut short (tombstone {HashedId})")]
        public static partial void Finished(ILogger logger, string hashedId);
    }
}
