namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// Storage calls counted while <paramref name="Engagements"/> engagements went from intake to Contracted, per
/// table, queue or container; <paramref name="IdleEngineCalls"/> is what the idle engine would have spent meanwhile.
/// </summary>
internal sealed record EngagementCalls(int Engagements, IReadOnlyDictionary<string, long> App, IReadOnlyDictionary<string, long> Engine, double IdleEngineCalls)
{
    public double AppPerEngagement => App.Values.Sum() / (double)Engagements;

    public double EnginePerEngagement => (Engine.Values.Sum() - IdleEngineCalls) / Engagements;
}
