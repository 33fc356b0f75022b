namespace CoachFlow.Benchmarks;

/// <summary>The benchmark's command line; <see cref="Budget"/> bounds how long one count of waiting instances may take to settle.</summary>
internal sealed record Arguments(IReadOnlyList<int> Waiting, int Activities, int Events, int Timers, TimeSpan Poll, TimeSpan Budget)
{
    public static Arguments Parse(string[] args)
    {
        var line = new CommandLine(args);
        return new Arguments(
            line.Ints("--waiting", [1000, 10000]),
            line.Int("--activities", 100),
            line.Int("--events", 300),
            line.Int("--timers", 20),
            line.Time("--poll", new LocalHost.Engine.EngineOptions().MaxQueuePollingInterval),
            line.Time("--budget", TimeSpan.FromMinutes(15)));
    }
}
