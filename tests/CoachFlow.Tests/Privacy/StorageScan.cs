using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Privacy;

/// <summary>Reads everything in the storage account (every table row, queued message and blob) looking for given strings.</summary>
public static class StorageScan
{
    /// <summary>Where each of <paramref name="needles"/> was found, as "table/row: needle" and the like; empty when nowhere.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(IReadOnlyCollection<string> needles, CancellationToken cancellationToken)
    {
        var found = new List<string>();
        void Look(string where, string? text) => found.AddRange(needles.Where(n => text?.Contains(n, StringComparison.OrdinalIgnoreCase) == true).Select(n => $"{where}: {n}"));

        var tables = new TableServiceClient(AzuriteFixture.ConnectionString);
        await foreach (var table in tables.QueryAsync(cancellationToken: cancellationToken))
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                Look($"table {table.Name}/{row.PartitionKey}/{row.RowKey}", string.Join("\n", row.Select(p => p.Value?.ToString())));
            }
        }

        var queues = new QueueServiceClient(AzuriteFixture.ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            // Peeking shows at most 32 messages a queue without hiding them from the engines using them.
            foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32, cancellationToken)).Value)
            {
                Look($"queue {queue.Name}", message.Body.ToString());
            }
        }

        var blobs = new BlobServiceClient(AzuriteFixture.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
            {
                var content = await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
                Look($"blob {container.Name}/{blob.Name}", content.Value.Content.ToString());
            }
        }

        return found;
    }
}
