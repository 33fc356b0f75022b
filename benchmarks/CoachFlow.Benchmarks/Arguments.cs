using System.Globalization;

namespace CoachFlow.Benchmarks;

/// <summary>The benchmark's command line; <see cref="Budget"/> bounds how long one count of waiting instances may take to settle.</summary>
internal sealed record Arguments(IReadOnlyList<int> Waiting, int Activities, int Events, int Timers, TimeSpan Poll, TimeSpan Budget)
{
    public static Arguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new Arguments(
            values.TryGetValue("--waiting", out var waiting) ? [.. waiting.Split(',').Select(w => int.Parse(w, CultureInfo.InvariantCulture))] : [1000, 10000],
            Int("--activities", 100),
            Int("--events", 300),
            Int("--timers", 20),
            values.TryGetValue("--poll", out var poll) ? TimeSpan.Parse(poll, CultureInfo.InvariantCulture) : new LocalHost.Engine.EngineOptions().MaxQueuePollingInterval,
            values.TryGetValue("--budget", out var budget) ? TimeSpan.Parse(budget, CultureInfo.InvariantCulture) : TimeSpan.FromMinutes(15));
    }
}
