namespace CoachFlow.Benchmarks.Load;

/// <summary>What <paramref name="Clients"/> closed-loop clients achieved: successes per second, their latency, and how many failed.</summary>
internal sealed record LoadResult(int Clients, int Succeeded, int Failed, double PerSecond, double P50Ms, double P99Ms);
