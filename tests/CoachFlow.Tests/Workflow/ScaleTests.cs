using CoachFlow.Domain.Workflow;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.Workflow;

[Collection(nameof(RunsAlone))]
public sealed class ScaleTests
{
    [Fact]
    public async Task Thousand_instances_wait_on_events_in_storage_not_in_memory()
    {
        const int Count = 1000;
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<int, int>("Wait", async (ctx, n) => n + await ctx.WaitForExternalEvent<int>("Go"))).StartAsync();
        var ids = Enumerable.Range(0, Count).Select(i => $"many-{i:D4}").ToList();

        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = RuntimeHarness.Ct },
            async (x, ct) => await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Wait", x.i, x.id, ct));
        await h.IdleAsync();

        Assert.Equal(0, h.Runtime.InstancesInMemory);
        Assert.Equal(WorkflowRuntimeStatus.Running, (await h.InstanceAsync(ids[^1])).RuntimeStatus);

        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = RuntimeHarness.Ct },
            async (id, ct) => await h.Runtime.RaiseEventAsync(id, "Go", 1000, ct));
        await h.IdleAsync();

        var outputs = new string?[Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = RuntimeHarness.Ct },
            async (i, _) => outputs[i] = (await h.InstanceAsync(ids[i])).SerializedOutput);
        Assert.Equal(Enumerable.Range(1000, Count).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), outputs);
        Assert.Equal(0, h.Runtime.InstancesInMemory);
    }
}
