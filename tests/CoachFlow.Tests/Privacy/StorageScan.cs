using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Privacy;

/// <summary>
/// Reads everything in the storage account (every table row, queued message and blob) looking for given strings.
/// Other tests share the account and delete their tables, queues and blobs as they finish: one that vanishes
/// during the scan held nothing of the engagement under test, so it is skipped.
/// </summary>
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
            await SkipIfGoneAsync(async () =>
            {
                await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
                {
                    Look($"table {table.Name}/{row.PartitionKey}/{row.RowKey}", string.Join("\n", row.Select(p => p.Value?.ToString())));
                }
            });
        }

        var queues = new QueueServiceClient(AzuriteFixture.ConnectionString);
        await foreach (var queue in queues.GetQueuesAsync(cancellationToken: cancellationToken))
        {
            // Peeking shows at most 32 messages a queue without hiding them from the engines using them.
            await SkipIfGoneAsync(async () =>
            {
                foreach (var message in (await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32, cancellationToken)).Value)
                {
                    Look($"queue {queue.Name}", message.Body.ToString());
                }
            });
        }

        var blobs = new BlobServiceClient(AzuriteFixture.ConnectionString);
        await foreach (var container in blobs.GetBlobContainersAsync(cancellationToken: cancellationToken))
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await SkipIfGoneAsync(async () =>
            {
                await foreach (var blob in client.GetBlobsAsync(cancellationToken: cancellationToken))
                {
                    await SkipIfGoneAsync(async () =>
                    {
                        var content = await client.GetBlobClient(blob.Name).DownloadContentAsync(cancellationToken);
                        Look($"blob {container.Name}/{blob.Name}", content.Value.Content.ToString());
                    });
                }
            });
        }

        return found;
    }

    private static async Task SkipIfGoneAsync(Func<Task> read)
    {
        try
        {
            await read();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
        }
    }
}
