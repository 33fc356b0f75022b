using System.Globalization;
using System.Text;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Storage;
using CoachFlow.Tests.TestSupport;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Tests.Lifecycle.Guards;

/// <summary>
/// A host that some of the moved-on engagements live on, and what it keeps: every row of every CoachFlow
/// table (with its ETag, so a rewrite shows) and the workflow instance of each of its engagements.
/// </summary>
public sealed class MovedOnHost(CoachFlowApp app, HttpClient client)
{
    private readonly List<EngagementId> _engagements = [];

    public CoachFlowApp App { get; } = app;

    public HttpClient Client { get; } = client;

    /// <summary>The <see cref="SnapshotAsync"/> that rows start from: taken once everything settled, and again after each row.</summary>
    public string Baseline { get; set; } = string.Empty;

    public void Add(EngagementId id)
    {
        lock (_engagements)
        {
            _engagements.Add(id);
        }
    }

    public async Task<string> SnapshotAsync()
    {
        var text = new StringBuilder();
        foreach (var table in TableName.All)
        {
            foreach (var row in (await TableRows.AllAsync(App, table)).OrderBy(r => r.PartitionKey, StringComparer.Ordinal).ThenBy(r => r.RowKey, StringComparer.Ordinal))
            {
                text.Append(table).Append(' ').Append(row.PartitionKey).Append(' ').Append(row.RowKey).Append(' ').Append(row.ETag).AppendLine();
            }
        }

        foreach (var id in _engagements.OrderBy(i => i.Value, StringComparer.Ordinal))
        {
            var instance = await App.Get<DurableTaskClient>().GetInstanceAsync(id.Value, TestContext.Current.CancellationToken);
            text.AppendLine(CultureInfo.InvariantCulture, $"workflow {id.Value} {instance?.RuntimeStatus} {instance?.LastUpdatedAt:O} {instance?.SerializedCustomStatus}");
        }

        return text.ToString();
    }
}
