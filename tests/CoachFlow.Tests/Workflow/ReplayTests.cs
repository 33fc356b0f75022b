using CoachFlow.Domain.Workflow;
using CoachFlow.LocalHost.Workflow;

namespace CoachFlow.Tests.Workflow;

public sealed class ReplayTests
{
    public sealed record Greeting(string Name, int Count);

    [Fact]
    public async Task Activities_chain_through_replay_and_each_runs_once()
    {
        var activityRuns = 0;
        var orchestratorRuns = 0;
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<Greeting, string>("Chain", async (ctx, input) =>
            {
                Interlocked.Increment(ref orchestratorRuns);
                var a = await ctx.CallActivityAsync<Greeting>("Bump", input);
                var b = await ctx.CallActivityAsync<Greeting>("Bump", a);
                var c = await ctx.CallActivityAsync<Greeting>("Bump", b);
                return $"{c.Name}:{c.Count}";
            })
            .AddActivity<Greeting, Greeting>("Bump", (_, g, _) =>
            {
                Interlocked.Increment(ref activityRuns);
                return Task.FromResult(g with { Count = g.Count + 1 });
            })).StartAsync();

        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Chain", new Greeting("Ada", 0), "chain-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        var instance = await h.InstanceAsync("chain-1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal("\"Ada:3\"", instance.SerializedOutput);
        Assert.Equal("{\"Name\":\"Ada\",\"Count\":0}", instance.SerializedInput);
        Assert.Equal(3, activityRuns);
        Assert.Equal(4, orchestratorRuns);
        var history = await h.Runtime.GetHistoryAsync("chain-1", RuntimeHarness.Ct);
        Assert.Equal([0, 1, 2], history.Where(e => e.Type == HistoryEventType.TaskScheduled).Select(e => e.TaskId!.Value));
        Assert.Equal(3, history.Count(e => e.Type == HistoryEventType.TaskCompleted));
        Assert.Equal(HistoryEventType.ExecutionCompleted, history[^1].Type);
    }

    [Fact]
    public async Task Replay_sees_the_same_current_time_and_knows_it_is_replaying()
    {
        var seen = new List<(DateTime Now, bool Replaying)>();
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, DateTime>("Clocked", async (ctx, _) =>
            {
                lock (seen)
                {
                    seen.Add((ctx.CurrentUtcDateTime, ctx.IsReplaying));
                }

                var started = ctx.CurrentUtcDateTime;
                await ctx.CreateTimer(started.AddHours(1), CancellationToken.None);
                return started;
            })).StartAsync();

        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Clocked", null, "clock-1", RuntimeHarness.Ct);
        await h.IdleAsync();
        await h.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal([(RuntimeHarness.Start.UtcDateTime, false), (RuntimeHarness.Start.UtcDateTime, true)], seen);
        Assert.Equal(DurableJson.Serialize(RuntimeHarness.Start.UtcDateTime), (await h.InstanceAsync("clock-1")).SerializedOutput);
    }

    [Fact]
    public async Task Changed_code_under_a_running_instance_fails_it_naming_both_actions()
    {
        static Action<WorkflowRegistry> Version(string firstActivity) => r => r
            .AddOrchestrator<string?, string>("Shape", async (ctx, _) =>
            {
                await ctx.CallActivityAsync(firstActivity);
                return await ctx.WaitForExternalEvent<string>("Go");
            })
            .AddActivity<string?>("SendWelcome", (_, _, _) => Task.CompletedTask)
            .AddActivity<string?>("SendReminder", (_, _, _) => Task.CompletedTask);

        await using var h = await new RuntimeHarness(Version("SendWelcome")).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Shape", null, "shape-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.RestartAsync(Version("SendReminder"));
        await h.Runtime.RaiseEventAsync("shape-1", "Go", "now", RuntimeHarness.Ct);
        await h.IdleAsync();

        var instance = await h.InstanceAsync("shape-1");
        Assert.Equal(WorkflowRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Equal(nameof(NonDeterministicWorkflowException), instance.FailureDetails!.ErrorType);
        Assert.Contains("CallActivity 'SendWelcome' (#0)", instance.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("CallActivity 'SendReminder' (#0)", instance.FailureDetails.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_that_drops_a_recorded_action_is_non_deterministic_too()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Shape", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                return "done";
            })).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Shape", null, "shape-2", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.RestartAsync(r => r.AddOrchestrator<string?, string>("Shape", (_, _) => Task.FromResult("no timer any more")));
        await h.AdvanceAsync(TimeSpan.FromDays(1));

        var failure = (await h.InstanceAsync("shape-2")).FailureDetails!;
        Assert.Equal(nameof(NonDeterministicWorkflowException), failure.ErrorType);
        Assert.Contains("CreateTimer", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("issued nothing", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Awaiting_something_outside_the_context_fails_with_a_clear_message()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Leaky", async (_, _) =>
            {
                await Task.Delay(1);
                return "never";
            })).StartAsync();

        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Leaky", null, "leaky-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        var instance = await h.InstanceAsync("leaky-1");
        Assert.Equal(WorkflowRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Contains("not a workflow task", instance.FailureDetails!.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_throwing_workflow_fails_with_its_exception_in_the_status()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Broken", (ctx, _) => throw new InvalidDataException("bad engagement"))).StartAsync();

        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Broken", null, "broken-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.Equal(new WorkflowFailure(nameof(InvalidDataException), "bad engagement"), (await h.InstanceAsync("broken-1")).FailureDetails);
    }

    [Fact]
    public async Task An_instance_keeps_the_version_it_started_with_when_the_default_moves_on()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Versioned", async (ctx, _) =>
            {
                await ctx.WaitForExternalEvent<string>("Go");
                return ctx.Version == "1" ? "old branch" : "new branch";
            })).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Versioned", null, "v-old", RuntimeHarness.Ct);
        await h.IdleAsync();

        h.Options.DefaultVersion = "2";
        await h.RestartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Versioned", null, "v-new", RuntimeHarness.Ct);
        await h.Runtime.RaiseEventAsync("v-old", "Go", "x", RuntimeHarness.Ct);
        await h.Runtime.RaiseEventAsync("v-new", "Go", "x", RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.Equal(("1", "\"old branch\""), ((await h.InstanceAsync("v-old")).Version, (await h.InstanceAsync("v-old")).SerializedOutput));
        Assert.Equal(("2", "\"new branch\""), ((await h.InstanceAsync("v-new")).Version, (await h.InstanceAsync("v-new")).SerializedOutput));
    }
}
