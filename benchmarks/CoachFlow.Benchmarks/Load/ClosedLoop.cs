using System.Diagnostics;

namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// A fixed number of clients, each sending its next request as soon as the last one is answered, for a
/// fixed time: the rate is what the server sustains at that concurrency, the latency what each client saw.
/// </summary>
internal static class ClosedLoop
{
    /// <param name="operation">One request, given a number no other request of the run shares; true when it succeeded.</param>
    public static async Task<LoadResult> RunAsync(int clients, TimeSpan duration, Func<long, Task<bool>> operation)
    {
        var sequence = 0L;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, clients).Select(async _ =>
        {
            var latencies = new List<double>();
            var failed = 0;
            while (clock.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                bool ok;
                try
                {
                    ok = await operation(Interlocked.Increment(ref sequence));
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or Azure.RequestFailedException)
                {
                    ok = false;
                }

                if (ok)
                {
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                else
                {
                    failed++;
                }
            }

            return (latencies, failed);
        }).ToArray();
        var results = await Task.WhenAll(workers);

        // The last requests finish after the deadline: the rate counts the time they really took.
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = results.SelectMany(r => r.latencies).ToArray();
        return new LoadResult(
            clients,
            all.Length,
            results.Sum(r => r.failed),
            all.Length / elapsed,
            all.Length == 0 ? double.NaN : Measure.Median(all),
            all.Length == 0 ? double.NaN : Measure.Percentile(all, 99));
    }
}
