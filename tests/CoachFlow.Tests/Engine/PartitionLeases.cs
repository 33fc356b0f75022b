using Azure.Data.Tables;

namespace CoachFlow.Tests.Engine;

/// <summary>A task hub's partition leases as the engine tests read and wait on them.</summary>
internal static class PartitionLeases
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Each partition's current owner (null or empty when none holds it), by partition.</summary>
    public static async Task<Dictionary<string, string?>> OwnersAsync(TableClient partitions)
    {
        var owners = new Dictionary<string, string?>(StringComparer.Ordinal);
        await foreach (var lease in partitions.QueryAsync<TableEntity>(cancellationToken: Ct))
        {
            owners[lease.RowKey] = lease.GetString("CurrentOwner");
        }

        return owners;
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails naming <paramref name="what"/> after <paramref name="within"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"Waited {within.TotalSeconds:0} s for {what}.");
            await Task.Delay(250, Ct);
        }
    }
}
