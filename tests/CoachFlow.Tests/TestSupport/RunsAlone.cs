namespace CoachFlow.Tests.TestSupport;

/// <summary>
/// Tests that load the shared Azurite hard (a thousand workflows) or depend on steady page timings (a
/// real browser) run after the parallel ones, one at a time, so neither slows the other into a timeout.
/// </summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
