using CoachFlow.Domain.Workflow;
using CoachFlow.LocalHost.Workflow;

namespace CoachFlow.Tests.Workflow;

public sealed class ActivityAndRecoveryTests
{
    [Fact]
    public async Task A_failing_activity_is_retried_then_its_failure_surfaces_in_the_status()
    {
        var attempts = 0;
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Send", async (ctx, _) =>
            {
                await ctx.CallActivityAsync("SendWelcome");
                return "sent";
            })
            .AddActivity<string?>("SendWelcome", (_, _, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new HttpRequestException("mail server said 503");
            })).StartAsync();

        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Send", null, "send-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        var instance = await h.InstanceAsync("send-1");
        Assert.Equal(3, attempts);
        Assert.Equal(WorkflowRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Equal(nameof(WorkflowTaskFailedException), instance.FailureDetails!.ErrorType);
        Assert.Equal("Activity 'SendWelcome' failed: HttpRequestException: mail server said 503", instance.FailureDetails.ErrorMessage);
        Assert.Empty(await h.RowsAsync("send-1", "act-"));
    }

    [Fact]
    public async Task A_workflow_can_catch_an_activity_failure_and_carry_on()
    {
        var attempts = 0;
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Careful", async (ctx, _) =>
            {
                try
                {
                    await ctx.CallActivityAsync("Flaky");
                    return "ok";
                }
                catch (WorkflowTaskFailedException e)
                {
                    return $"handled {e.Failure!.ErrorType}";
                }
            })
            .AddActivity<string?>("Flaky", (_, _, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new TimeoutException("slow");
            }), o => o.ActivityMaxAttempts = 2).StartAsync();

        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Careful", null, "careful-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.Equal("\"handled TimeoutException\"", (await h.InstanceAsync("careful-1")).SerializedOutput);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task A_transient_failure_is_retried_to_success()
    {
        var attempts = 0;
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, int>("Retry", (ctx, _) => ctx.CallActivityAsync<int>("Flaky"))
            .AddActivity<string?, int>("Flaky", (_, _, _) =>
                Interlocked.Increment(ref attempts) < 2 ? throw new IOException("blip") : Task.FromResult(attempts))).StartAsync();

        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Retry", null, "retry-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.Equal("2", (await h.InstanceAsync("retry-1")).SerializedOutput);
    }

    [Fact]
    public async Task A_runtime_stopped_mid_activity_is_finished_by_a_new_one_over_the_same_tables()
    {
        var started = 0;
        var completed = 0;
        var firstRunBlocked = new TaskCompletionSource();
        Action<WorkflowRegistry> register = r => r
            .AddOrchestrator<string?, string>("Crashy", async (ctx, _) =>
            {
                var n = await ctx.CallActivityAsync<int>("Slow");
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(1), CancellationToken.None);
                return $"finished after {n} starts";
            })
            .AddActivity<string?, int>("Slow", async (_, _, cancellationToken) =>
            {
                var run = Interlocked.Increment(ref started);
                if (run == 1)
                {
                    firstRunBlocked.SetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }

                Interlocked.Increment(ref completed);
                return run;
            });
        await using var h = await new RuntimeHarness(register).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Crashy", null, "crash-1", RuntimeHarness.Ct);
        await firstRunBlocked.Task.WaitAsync(TimeSpan.FromSeconds(30), RuntimeHarness.Ct);

        await h.RestartAsync();
        await h.IdleAsync();
        Assert.Single(await h.RowsAsync("crash-1", "tmr-"));

        await h.RestartAsync();
        await h.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Equal("\"finished after 2 starts\"", (await h.InstanceAsync("crash-1")).SerializedOutput);
        Assert.Equal(1, completed);
    }

    [Fact]
    public async Task A_timer_that_fell_due_while_no_runtime_ran_fires_on_start()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Nap", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(3), CancellationToken.None);
                return "awake";
            })).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Nap", null, "nap-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.Runtime.DisposeAsync();
        h.Clock.Advance(TimeSpan.FromHours(5));
        await h.RestartAsync();
        await h.IdleAsync();

        Assert.Equal(WorkflowRuntimeStatus.Completed, (await h.InstanceAsync("nap-1")).RuntimeStatus);
    }
}
