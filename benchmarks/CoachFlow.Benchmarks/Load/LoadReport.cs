using System.Globalization;
using System.Text;

namespace CoachFlow.Benchmarks.Load;

/// <summary>The load benchmark's Markdown report: the tables docs/load.md keeps.</summary>
internal static class LoadReport
{
    public static string Render(LoadArguments options, IReadOnlyList<LoadResult> raw, IReadOnlyList<IntakeRun> intakes, double idleEngineCallsPerSecond, EngagementCalls? alone, EngagementCalls? together, EndToEnd? endToEnd)
    {
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"On {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {options.Duration.TotalSeconds:0} s per concurrency; raw inserts and the app each on an Azurite of their own, in memory:")
            .AppendLine()
            .AppendLine("| clients | raw inserts/s | raw p50 / p99, ms | intakes accepted/s | intake p50 / p99, ms | failed | accepted ÷ raw | workflows caught up after | per intake, to triage: storage calls, CPU ms | app's storage call, mean ms |")
            .AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var (r, run) in raw.Zip(intakes))
        {
            var a = run.Result;
            report.AppendLine(CultureInfo.InvariantCulture, $"| {a.Clients} | {r.PerSecond:0} | {r.P50Ms:0.0} / {r.P99Ms:0.0} | {a.PerSecond:0.0} | {a.P50Ms:0.0} / {a.P99Ms:0.0} | {a.Failed} | {a.PerSecond / r.PerSecond:0.00} | {run.CatchUp.TotalSeconds:0} s | {run.CallsPerIntake:0} / {run.CpuMsPerIntake:0} | {run.AppCallMs:0.0} |");
        }

        if (alone is not null && together is not null)
        {
            Calls(report, alone, together, options.Parallel, idleEngineCallsPerSecond);
        }

        if (endToEnd is not null)
        {
            report.AppendLine()
                .AppendLine("| engagements | at a time | minutes | completed per minute | one engagement, s (p50 / max) |")
                .AppendLine("|---|---|---|---|---|")
                .AppendLine(CultureInfo.InvariantCulture, $"| {endToEnd.Engagements} | {endToEnd.Parallel} | {endToEnd.Elapsed.TotalMinutes:0.00} | {endToEnd.PerMinute:0.0} | {Measure.Median(endToEnd.Seconds):0.0} / {endToEnd.Seconds.Max():0.0} |");
        }

        return report.ToString();
    }

    private static void Calls(StringBuilder report, EngagementCalls alone, EngagementCalls together, int parallel, double idleEngineCallsPerSecond)
    {
        string Each(EngagementCalls calls, IReadOnlyDictionary<string, long> side, string resource) =>
            (side.GetValueOrDefault(resource) / (double)calls.Engagements).ToString("0.0", CultureInfo.InvariantCulture);

        report.AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Storage calls per engagement, intake to Contracted, as counted. For scale: the engine, idle just before, made {idleEngineCallsPerSecond:0.0} calls/s (queue polls, lease renewals).")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"| calls | {alone.Engagements} one at a time | {together.Engagements}, {parallel} at a time |")
            .AppendLine("|---|---|---|")
            .AppendLine(CultureInfo.InvariantCulture, $"| **CoachFlow's tables** | **{alone.AppPerEngagement:0.0}** | **{together.AppPerEngagement:0.0}** |");
        foreach (var table in alone.App.Keys.Union(together.App.Keys).Where(t => alone.App.GetValueOrDefault(t) + together.App.GetValueOrDefault(t) > 0).Order(StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {table} | {Each(alone, alone.App, table)} | {Each(together, together.App, table)} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| **task hub** | **{alone.EnginePerEngagement:0.0}** | **{together.EnginePerEngagement:0.0}** |");
        foreach (var resource in alone.Engine.Keys.Union(together.Engine.Keys).Where(r => alone.Engine.GetValueOrDefault(r) + together.Engine.GetValueOrDefault(r) > 0).Order(StringComparer.Ordinal))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"| {resource} | {Each(alone, alone.Engine, resource)} | {Each(together, together.Engine, resource)} |");
        }

        report.AppendLine(CultureInfo.InvariantCulture, $"| **all** | **{alone.AppPerEngagement + alone.EnginePerEngagement:0.0}** | **{together.AppPerEngagement + together.EnginePerEngagement:0.0}** |");
    }
}
