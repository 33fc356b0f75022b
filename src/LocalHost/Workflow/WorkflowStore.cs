using System.Net;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CoachFlow.Domain.Workflow;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// The runtime's Table Storage: one partition per instance holding its state row, history, inbox,
/// scheduled activities and timers. Every change to an instance is one entity-group transaction,
/// so a crash at any point leaves either the old or the new consistent partition.
/// </summary>
public sealed class WorkflowStore(TableClient table)
{
    public const int MaxTransactionOperations = 100;

    private const string StateKey = "state";
    private const string HistoryPrefix = "his-";
    private const string InboxPrefix = "evt-";
    private const string ActivityPrefix = "act-";
    private const string TimerPrefix = "tmr-";
    private const string PayloadProperty = "Event";

    private static long _inboxSequence;

    public static string ActivityKey(int taskId) => $"{ActivityPrefix}{taskId:D6}";

    public static string TimerKey(int timerId) => $"{TimerPrefix}{timerId:D6}";

    public Task CreateTableAsync(CancellationToken cancellationToken) => table.CreateIfNotExistsAsync(cancellationToken);

    /// <summary>Creates the state row and the start message together; false when the id already exists.</summary>
    public async Task<bool> TryCreateAsync(InstanceState state, HistoryEvent executionStarted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Add, ToEntity(state)),
            new(TableTransactionActionType.Add, InboxEntity(state.InstanceId, executionStarted)),
        };
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.Conflict)
        {
            return false;
        }
    }

    public async Task<InstanceState?> GetStateAsync(string instanceId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(instanceId, StateKey, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue ? ToState(row.Value!) : null;
    }

    public async Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        InstanceState? state = null;
        var history = new List<HistoryEvent>();
        var inbox = new List<InboxMessage>();
        var activities = new List<ActivityWork>();
        var timers = new List<TimerWork>();
        var rows = table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, cancellationToken: cancellationToken);
        await foreach (var row in rows.ConfigureAwait(false))
        {
            var key = row.RowKey;
            if (key == StateKey)
            {
                state = ToState(row);
            }
            else if (key.StartsWith(HistoryPrefix, StringComparison.Ordinal))
            {
                history.Add(ReadEvent(row));
            }
            else if (key.StartsWith(InboxPrefix, StringComparison.Ordinal))
            {
                inbox.Add(new InboxMessage(key, ReadEvent(row)));
            }
            else if (key.StartsWith(ActivityPrefix, StringComparison.Ordinal))
            {
                activities.Add(ToActivity(row));
            }
            else if (key.StartsWith(TimerPrefix, StringComparison.Ordinal))
            {
                timers.Add(ToTimer(row));
            }
        }

        // Rows come back in row-key order, so history and inbox are already in sequence.
        return state is null ? null : new InstanceSnapshot(state, history, inbox, activities, timers);
    }

    /// <summary>Adds a message for the instance's next episode.</summary>
    public Task AddMessageAsync(string instanceId, HistoryEvent message, CancellationToken cancellationToken) =>
        table.AddEntityAsync(InboxEntity(instanceId, message), cancellationToken);

    /// <summary>
    /// Replaces finished work (an activity that ran, a timer that fired) with its result message, in
    /// one transaction. False when the work row is gone: the instance ended or was purged meanwhile.
    /// </summary>
    public async Task<bool> CompleteWorkAsync(string instanceId, string workRowKey, HistoryEvent message, CancellationToken cancellationToken)
    {
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.Delete, new TableEntity(instanceId, workRowKey), ETag.All),
            new(TableTransactionActionType.Add, InboxEntity(instanceId, message)),
        };
        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task CommitAsync(EpisodeCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        var id = commit.State.InstanceId;
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, ToEntity(commit.State with { HistoryCount = commit.State.HistoryCount + commit.NewHistory.Count }), commit.State.ETag),
        };
        actions.AddRange(commit.NewHistory.Select((e, i) => new TableTransactionAction(
            TableTransactionActionType.Add,
            EventEntity(id, HistoryKey(commit.State.HistoryCount + i), e))));
        actions.AddRange(commit.ProcessedInboxKeys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, key), ETag.All)));
        actions.AddRange(commit.RemovedWorkKeys.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(id, key), ETag.All)));
        actions.AddRange(commit.NewActivities.Select(a => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(id, a.RowKey)
        {
            ["TaskId"] = a.TaskId,
            ["Name"] = a.Name,
            ["Input"] = a.Input,
        })));
        actions.AddRange(commit.NewTimers.Select(t => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(id, t.RowKey)
        {
            ["TimerId"] = t.TimerId,
            ["FireAt"] = new DateTimeOffset(t.FireAt, TimeSpan.Zero),
        })));

        if (actions.Count > MaxTransactionOperations)
        {
            throw new InvalidOperationException($"One episode of '{id}' changes {actions.Count} rows; a transaction holds at most {MaxTransactionOperations}. Issue fewer actions per step.");
        }

        try
        {
            await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException e) when (e.Status is (int)HttpStatusCode.PreconditionFailed or (int)HttpStatusCode.Conflict or (int)HttpStatusCode.NotFound)
        {
            throw new WorkflowConcurrencyException($"Instance '{id}' changed while an episode ran.", e);
        }
    }

    /// <summary>Unfinished work across all instances, for resuming after a restart.</summary>
    public async Task<PendingWork> ScanPendingAsync(CancellationToken cancellationToken)
    {
        var inbox = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in RangeAsync(InboxPrefix, cancellationToken).ConfigureAwait(false))
        {
            inbox.Add(row.PartitionKey);
        }

        var activities = new List<ActivityWork>();
        await foreach (var row in RangeAsync(ActivityPrefix, cancellationToken).ConfigureAwait(false))
        {
            activities.Add(ToActivity(row));
        }

        var timers = new List<TimerWork>();
        await foreach (var row in RangeAsync(TimerPrefix, cancellationToken).ConfigureAwait(false))
        {
            timers.Add(ToTimer(row));
        }

        return new PendingWork([.. inbox], activities, timers);
    }

    /// <summary>Deletes every row of the instance's partition; false when there was none.</summary>
    public async Task<bool> PurgeAsync(string instanceId, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            keys.Add(row.RowKey);
        }

        foreach (var chunk in keys.Chunk(MaxTransactionOperations))
        {
            await table.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(instanceId, k), ETag.All)), cancellationToken).ConfigureAwait(false);
        }

        return keys.Count > 0;
    }

    private AsyncPageable<TableEntity> RangeAsync(string prefix, CancellationToken cancellationToken)
    {
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        return table.QueryAsync<TableEntity>($"RowKey ge '{prefix}' and RowKey lt '{end}'", cancellationToken: cancellationToken);
    }

    private static string HistoryKey(int sequence) => $"{HistoryPrefix}{sequence:D6}";

    // Arrival order: wall-clock ticks (across restarts) then a process-wide counter (within a tick).
    private static string NextInboxKey() =>
        $"{InboxPrefix}{DateTime.UtcNow.Ticks:D19}-{Interlocked.Increment(ref _inboxSequence):D12}";

    private static TableEntity InboxEntity(string instanceId, HistoryEvent message) => EventEntity(instanceId, NextInboxKey(), message);

    private static TableEntity EventEntity(string instanceId, string rowKey, HistoryEvent e) =>
        new(instanceId, rowKey) { [PayloadProperty] = JsonSerializer.Serialize(e) };

    private static HistoryEvent ReadEvent(TableEntity row) =>
        JsonSerializer.Deserialize<HistoryEvent>(row.GetString(PayloadProperty))
        ?? throw new InvalidDataException($"Empty history row {row.PartitionKey}/{row.RowKey}.");

    private static ActivityWork ToActivity(TableEntity row) =>
        new(row.PartitionKey, row.GetInt32("TaskId") ?? 0, row.GetString("Name"), row.GetString("Input"));

    private static TimerWork ToTimer(TableEntity row) =>
        new(row.PartitionKey, row.GetInt32("TimerId") ?? 0, row.GetDateTimeOffset("FireAt")!.Value.UtcDateTime);

    private static TableEntity ToEntity(InstanceState s) => new(s.InstanceId, StateKey)
    {
        ["Name"] = s.Name,
        ["Version"] = s.Version,
        ["Status"] = s.Status.ToString(),
        ["Input"] = s.Input,
        ["Output"] = s.Output,
        ["CustomStatus"] = s.CustomStatus,
        ["FailureType"] = s.Failure?.ErrorType,
        ["FailureMessage"] = s.Failure?.ErrorMessage,
        ["CreatedAt"] = s.CreatedAt,
        ["LastUpdatedAt"] = s.LastUpdatedAt,
        ["HistoryCount"] = s.HistoryCount,
    };

    private static InstanceState ToState(TableEntity row)
    {
        var failureType = row.GetString("FailureType");
        return new InstanceState(
            row.PartitionKey,
            row.GetString("Name"),
            row.GetString("Version"),
            Enum.Parse<WorkflowRuntimeStatus>(row.GetString("Status")),
            row.GetString("Input"),
            row.GetString("Output"),
            row.GetString("CustomStatus"),
            failureType is null ? null : new WorkflowFailure(failureType, row.GetString("FailureMessage") ?? string.Empty),
            row.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            row.GetDateTimeOffset("LastUpdatedAt") ?? DateTimeOffset.MinValue,
            row.GetInt32("HistoryCount") ?? 0,
            row.ETag);
    }
}
