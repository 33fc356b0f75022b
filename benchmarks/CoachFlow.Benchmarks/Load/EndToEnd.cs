namespace CoachFlow.Benchmarks.Load;

/// <summary>Engagements run from intake to Contracted, <paramref name="Parallel"/> at a time, and the seconds each took.</summary>
internal sealed record EndToEnd(int Engagements, int Parallel, TimeSpan Elapsed, IReadOnlyList<double> Seconds)
{
    public double PerMinute => Engagements / Elapsed.TotalMinutes;
}
