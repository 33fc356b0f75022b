using System.Globalization;

namespace CoachFlow.Benchmarks;

/// <summary>The benchmark's <c>--name value</c> options, read with a fallback for each one left out.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public CommandLine(string[] args)
    {
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            _values[args[i]] = args[i + 1];
        }
    }

    public int Int(string name, int fallback) => _values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public IReadOnlyList<int> Ints(string name, IReadOnlyList<int> fallback) =>
        _values.TryGetValue(name, out var v) ? [.. v.Split(',').Select(i => int.Parse(i, CultureInfo.InvariantCulture))] : fallback;

    public TimeSpan Time(string name, TimeSpan fallback) => _values.TryGetValue(name, out var v) ? TimeSpan.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
