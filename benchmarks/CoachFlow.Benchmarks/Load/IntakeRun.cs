namespace CoachFlow.Benchmarks.Load;

/// <summary>
/// One concurrency of intakes: what the clients saw, how long the engine then took to bring every accepted
/// intake's workflow to triage, what each intake cost until then in storage calls and in this process's CPU,
/// and how long the app's own storage calls (the intake's among them) waited for Azurite while the clients ran.
/// </summary>
internal sealed record IntakeRun(LoadResult Result, TimeSpan CatchUp, double CallsPerIntake, double CpuMsPerIntake, double AppCallMs);
