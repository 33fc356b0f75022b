using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CoachFlow.Benchmarks;

/// <summary>Counts every request the storage clients it is given to send (retries included), in all and per table, queue or container.</summary>
internal sealed class StorageCallCounter : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentDictionary<string, long> _byResource = new(StringComparer.Ordinal);
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>A snapshot of the calls so far, keyed by the table, queue or blob container each went to.</summary>
    public IReadOnlyDictionary<string, long> ByResource() => new Dictionary<string, long>(_byResource, StringComparer.Ordinal);

    public override void OnSendingRequest(HttpMessage message)
    {
        Interlocked.Increment(ref _calls);
        _byResource.AddOrUpdate(Resource(message.Request.Uri.ToUri()), 1, (_, calls) => calls + 1);
    }

    // Azurite's URLs are path-style: /{account}/{table(keys) | queue/messages | container/blob}; "$batch" is a table transaction.
    private static string Resource(Uri uri)
    {
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : "(account)";
        var keys = resource.IndexOf('(', StringComparison.Ordinal);
        return keys < 0 ? resource : resource[..keys];
    }
}
