namespace CoachFlow.Benchmarks.Load;

/// <summary>Storage calls counted while <paramref name="Engagements"/> engagements went from intake to Contracted, per table, queue or container.</summary>
internal sealed record EngagementCalls(int Engagements, IReadOnlyDictionary<string, long> App, IReadOnlyDictionary<string, long> Engine)
{
    public double AppPerEngagement => App.Values.Sum() / (double)Engagements;

    public double EnginePerEngagement => Engine.Values.Sum() / (double)Engagements;
}
