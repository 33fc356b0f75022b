using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CoachFlow.Benchmarks;

/// <summary>
/// Counts every request the storage clients it is given send (retries included), in all and per table, queue
/// or container, and how long they waited for their answers in all.
/// </summary>
internal sealed class StorageCallCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, long> _byResource = new(StringComparer.Ordinal);
    private long _calls;
    private long _waitTicks;

    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>The time all calls so far spent between sending and being answered, added up.</summary>
    public TimeSpan Waited => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _waitTicks));

    /// <summary>A snapshot of the calls so far, keyed by the table, queue or blob container each went to.</summary>
    public IReadOnlyDictionary<string, long> ByResource() => new Dictionary<string, long>(_byResource, StringComparer.Ordinal);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Count(message);
        ProcessNext(message, pipeline);
        Interlocked.Add(ref _waitTicks, Stopwatch.GetTimestamp() - started);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var started = Count(message);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Interlocked.Add(ref _waitTicks, Stopwatch.GetTimestamp() - started);
    }

    private long Count(HttpMessage message)
    {
        Interlocked.Increment(ref _calls);
        _byResource.AddOrUpdate(Resource(message.Request.Uri.ToUri()), 1, (_, calls) => calls + 1);
        return Stopwatch.GetTimestamp();
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
