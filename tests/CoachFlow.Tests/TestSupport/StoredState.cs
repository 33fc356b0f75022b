using System.Globalization;
using System.Text;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Tests.Lifecycle;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// Everything a host keeps, as text to compare: every row of every CoachFlow table with its ETag (so a
/// rewrite shows, not only an insert or delete: stages, timelines, records, emails, slot reservations) and
/// the workflow instance of each engagement named (its status and when it last ran).
/// </summary>
public static class StoredState
{
    public static async Task<string> ReadAsync(CoachFlowApp app, IEnumerable<EngagementId> engagements)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Every table and instance at once: a row's check reads the whole host twice, and read one by one that was most of the row.
        var client = app.Get<DurableTaskClient>();
        var ids = engagements.OrderBy(i => i.Value, StringComparer.Ordinal).ToList();
        var tableReads = Task.WhenAll(TableName.All.Select(table => TableRows.KeysAsync(app, table)));
        var instanceReads = Task.WhenAll(ids.Select(id => client.GetInstanceAsync(id.Value, TestContext.Current.CancellationToken)));
        var tables = await tableReads;
        var instances = await instanceReads;

        var text = new StringBuilder();
        foreach (var (table, rows) in TableName.All.Zip(tables))
        {
            foreach (var row in rows.OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal))
            {
                text.Append(table).Append(' ').Append(row.PartitionKey).Append(' ').Append(row.RowKey).Append(' ').Append(row.ETag).AppendLine();
            }
        }

        foreach (var (id, instance) in ids.Zip(instances))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"workflow {id.Value} {instance?.RuntimeStatus} {instance?.LastUpdatedAt:O} {instance?.SerializedCustomStatus}");
        }

        return text.ToString();
    }

    /// <summary>Waits until nothing has changed for two seconds (the emails and records the last step set off are all in), and returns that state.</summary>
    public static async Task<string> SettledAsync(CoachFlowApp app, IEnumerable<EngagementId> engagements)
    {
        var ids = engagements.ToList();
        var deadline = DateTime.UtcNow + LifecycleDriver.Patience;
        var last = await ReadAsync(app, ids);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
            var now = await ReadAsync(app, ids);
            if (now == last)
            {
                return now;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The host never settled; it kept changing:\n{Difference(last, now)}");
            last = now;
        }
    }

    /// <summary>The lines only one of two states holds, marked - (before) and + (after).</summary>
    public static string Difference(string before, string after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var was = before.Split('\n').ToHashSet(StringComparer.Ordinal);
        var now = after.Split('\n').ToHashSet(StringComparer.Ordinal);
        return string.Join('\n', was.Except(now).Select(l => $"- {l}").Concat(now.Except(was).Select(l => $"+ {l}")));
    }
}
