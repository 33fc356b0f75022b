using Azure.Core;
using Azure.Core.Pipeline;

namespace CoachFlow.Benchmarks;

/// <summary>Counts every request the engine's storage clients send (retries included).</summary>
internal sealed class StorageCallCounter : HttpPipelineSynchronousPolicy
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _calls);
}
