using System.Globalization;

namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// The load benchmark's command line: the concurrencies and how long each runs, how many engagements are
/// counted one at a time, and how many run end to end with how many at once.
/// </summary>
internal sealed record LoadArguments(IReadOnlyList<int> Clients, TimeSpan Duration, int Counted, int Engagements, int Parallel)
{
    public static LoadArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new LoadArguments(
            values.TryGetValue("--clients", out var clients) ? [.. clients.Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))] : [1, 8, 32],
            values.TryGetValue("--duration", out var duration) ? TimeSpan.Parse(duration, CultureInfo.InvariantCulture) : TimeSpan.FromSeconds(15),
            Int("--counted", 5),
            Int("--engagements", 64),
            Int("--parallel", 16));
    }
}
