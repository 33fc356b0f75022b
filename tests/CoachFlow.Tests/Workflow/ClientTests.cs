using System.Text.Json;
using CoachFlow.Domain.Workflow;
using CoachFlow.LocalHost.Workflow;

namespace CoachFlow.Tests.Workflow;

public sealed class ClientTests
{
    public sealed record Progress(string Stage, int Step);

    private static void Waiter(WorkflowRegistry r) => r
        .AddOrchestrator<string, string>("Waiter", async (ctx, name) =>
        {
            ctx.SetCustomStatus(new Progress("Waiting", 1));
            using var cancel = new CancellationTokenSource();
            var deadline = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(7), cancel.Token);
            var answer = ctx.WaitForExternalEvent<string>("Answer");
            if (await Task.WhenAny(answer, deadline) == answer)
            {
                cancel.Cancel();
                ctx.SetCustomStatus(new Progress("Answered", 2));
                return $"{name}: {await answer}";
            }

            return $"{name}: no answer";
        });

    [Fact]
    public async Task Get_instance_reports_status_custom_status_times_and_output()
    {
        await using var h = await new RuntimeHarness(Waiter).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Waiter", "Ada", "get-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        var waiting = await h.InstanceAsync("get-1");
        Assert.Equal(WorkflowRuntimeStatus.Running, waiting.RuntimeStatus);
        Assert.Equal(new Progress("Waiting", 1), JsonSerializer.Deserialize<Progress>(waiting.SerializedCustomStatus!, DurableJson.Options));
        Assert.Equal("Waiter", waiting.Name);
        Assert.Equal("1", waiting.Version);
        Assert.Equal(RuntimeHarness.Start, waiting.CreatedAt);

        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.Runtime.RaiseEventAsync("get-1", "Answer", "yes", RuntimeHarness.Ct);
        await h.IdleAsync();

        var done = await h.InstanceAsync("get-1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(done.IsFinished);
        Assert.Equal("\"Ada: yes\"", done.SerializedOutput);
        Assert.Equal("{\"Stage\":\"Answered\",\"Step\":2}", done.SerializedCustomStatus);
        Assert.Equal(RuntimeHarness.Start, done.CreatedAt);
        Assert.Equal(RuntimeHarness.Start.AddHours(5), done.LastUpdatedAt);
        Assert.Null(done.FailureDetails);
    }

    [Fact]
    public async Task Starting_an_existing_id_is_refused()
    {
        await using var h = await new RuntimeHarness(Waiter).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Waiter", "Ada", "dup-1", RuntimeHarness.Ct);

        await Assert.ThrowsAsync<WorkflowInstanceExistsException>(() => h.Runtime.ScheduleNewOrchestrationInstanceAsync("Waiter", "Eve", "dup-1", RuntimeHarness.Ct));
        await h.IdleAsync();

        Assert.Equal("\"Ada\"", (await h.InstanceAsync("dup-1")).SerializedInput);
    }

    [Fact]
    public async Task Unknown_orchestrators_and_bad_ids_are_refused_at_start()
    {
        await using var h = await new RuntimeHarness(Waiter).StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => h.Runtime.ScheduleNewOrchestrationInstanceAsync("Nope", null, "x-1", RuntimeHarness.Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => h.Runtime.ScheduleNewOrchestrationInstanceAsync("Waiter", null, "a/b", RuntimeHarness.Ct));
    }

    [Fact]
    public async Task Events_for_unknown_or_finished_instances_are_dropped()
    {
        await using var h = await new RuntimeHarness(Waiter).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Waiter", "Ada", "drop-1", RuntimeHarness.Ct);
        await h.IdleAsync();
        await h.Runtime.RaiseEventAsync("drop-1", "Answer", "first", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.Runtime.RaiseEventAsync("drop-1", "Answer", "second", RuntimeHarness.Ct);
        await h.Runtime.RaiseEventAsync("nobody", "Answer", "hello", RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.Equal("\"Ada: first\"", (await h.InstanceAsync("drop-1")).SerializedOutput);
        Assert.Empty(await h.RowsAsync("drop-1", "evt-"));
        Assert.Empty(await h.RowsAsync("nobody", string.Empty));
    }

    [Fact]
    public async Task Terminate_stops_a_waiting_instance_and_its_timers()
    {
        await using var h = await new RuntimeHarness(Waiter).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Waiter", "Ada", "term-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.Runtime.TerminateInstanceAsync("term-1", "withdrawn", RuntimeHarness.Ct);
        await h.IdleAsync();
        await h.AdvanceAsync(TimeSpan.FromDays(8));

        var instance = await h.InstanceAsync("term-1");
        Assert.Equal(WorkflowRuntimeStatus.Terminated, instance.RuntimeStatus);
        Assert.Equal("\"withdrawn\"", instance.SerializedOutput);
        Assert.Empty(await h.RowsAsync("term-1", "tmr-"));
        Assert.DoesNotContain(await h.Runtime.GetHistoryAsync("term-1", RuntimeHarness.Ct), e => e.Type == HistoryEventType.TimerFired);
    }

    [Fact]
    public async Task Purge_removes_a_finished_instance_and_all_its_history_but_refuses_a_running_one()
    {
        await using var h = await new RuntimeHarness(Waiter).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Waiter", "Ada", "purge-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => h.Runtime.PurgeInstanceAsync("purge-1", RuntimeHarness.Ct));
        await h.Runtime.TerminateInstanceAsync("purge-1", null, RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.True(await h.Runtime.PurgeInstanceAsync("purge-1", RuntimeHarness.Ct));
        Assert.Null(await h.Runtime.GetInstanceAsync("purge-1", RuntimeHarness.Ct));
        Assert.Empty(await h.RowsAsync("purge-1", string.Empty));
        Assert.False(await h.Runtime.PurgeInstanceAsync("purge-1", RuntimeHarness.Ct));
    }
}
