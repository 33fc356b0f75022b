namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// The load benchmark's command line: the concurrencies and how long each runs, how many engagements are
/// counted one at a time, and how many run end to end with how many at once.
/// </summary>
internal sealed record LoadArguments(IReadOnlyList<int> Clients, TimeSpan Duration, int Counted, int Engagements, int Parallel)
{
    public static LoadArguments Parse(string[] args)
    {
        var line = new CommandLine(args);
        return new LoadArguments(
            line.Ints("--clients", [1, 8, 32]),
            line.Time("--duration", TimeSpan.FromSeconds(10)),
            line.Int("--counted", 3),
            line.Int("--engagements", 32),
            line.Int("--parallel", 16));
    }
}
