using CoachFlow.Domain.Workflow;
using CoachFlow.LocalHost.Workflow;

namespace CoachFlow.Tests.Workflow;

public sealed class TimerAndEventTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromDays(3);

    private static Action<WorkflowRegistry> DeadlineWorkflow(List<string>? reminders = null) => r => r
        .AddOrchestrator<string?, string>("Deadline", async (ctx, _) =>
        {
            var start = ctx.CurrentUtcDateTime;
            var outcome = await ctx.WaitForEventAsync<string>(
                "Answer",
                start + Deadline,
                reminders is null ? null : start.AddDays(1),
                reminders is null ? null : () => ctx.CallActivityAsync("Remind"));
            return outcome.TimedOut ? "expired" : $"answered {outcome.Value}";
        })
        .AddActivity<string?>("Remind", (_, _, _) =>
        {
            lock (reminders!)
            {
                reminders.Add("reminded");
            }

            return Task.CompletedTask;
        });

    [Fact]
    public async Task A_timer_fires_only_when_the_clock_passes_it()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Sleeper", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(2), CancellationToken.None);
                return "woke";
            })).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Sleeper", null, "sleep-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.AdvanceAsync(TimeSpan.FromDays(2) - TimeSpan.FromSeconds(1));
        Assert.Equal(WorkflowRuntimeStatus.Running, (await h.InstanceAsync("sleep-1")).RuntimeStatus);
        Assert.Single(await h.RowsAsync("sleep-1", "tmr-"));

        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var instance = await h.InstanceAsync("sleep-1");
        Assert.Equal(WorkflowRuntimeStatus.Completed, instance.RuntimeStatus);
        Assert.Equal(RuntimeHarness.Start.AddDays(2), instance.LastUpdatedAt);
        Assert.Empty(await h.RowsAsync("sleep-1", "tmr-"));
    }

    [Fact]
    public async Task An_event_raised_before_the_wait_is_buffered_and_delivered()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Late", async (ctx, _) =>
            {
                await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), CancellationToken.None);
                var first = await ctx.WaitForExternalEvent<string>("Note");
                var second = await ctx.WaitForExternalEvent<string>("note");
                return first + "," + second;
            })).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Late", null, "late-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.Runtime.RaiseEventAsync("late-1", "Note", "one", RuntimeHarness.Ct);
        await h.IdleAsync();
        await h.Runtime.RaiseEventAsync("late-1", "Note", "two", RuntimeHarness.Ct);
        await h.IdleAsync();
        Assert.Equal(WorkflowRuntimeStatus.Running, (await h.InstanceAsync("late-1")).RuntimeStatus);

        await h.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal("\"one,two\"", (await h.InstanceAsync("late-1")).SerializedOutput);
    }

    [Fact]
    public async Task When_the_event_wins_the_race_the_deadline_timer_is_cancelled_and_never_fires()
    {
        await using var h = await new RuntimeHarness(DeadlineWorkflow()).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Deadline", null, "race-event", RuntimeHarness.Ct);
        await h.IdleAsync();
        Assert.Single(await h.RowsAsync("race-event", "tmr-"));

        await h.Runtime.RaiseEventAsync("race-event", "Answer", "yes", RuntimeHarness.Ct);
        await h.IdleAsync();
        await h.AdvanceAsync(Deadline + TimeSpan.FromDays(1));

        Assert.Equal("\"answered yes\"", (await h.InstanceAsync("race-event")).SerializedOutput);
        Assert.Empty(await h.RowsAsync("race-event", "tmr-"));
        Assert.DoesNotContain(await h.Runtime.GetHistoryAsync("race-event", RuntimeHarness.Ct), e => e.Type == HistoryEventType.TimerFired);
    }

    [Fact]
    public async Task When_the_timer_wins_the_race_the_wait_expires()
    {
        await using var h = await new RuntimeHarness(DeadlineWorkflow()).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Deadline", null, "race-timer", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.AdvanceAsync(Deadline);
        await h.Runtime.RaiseEventAsync("race-timer", "Answer", "too late", RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.Equal("\"expired\"", (await h.InstanceAsync("race-timer")).SerializedOutput);
    }

    [Fact]
    public async Task The_reminder_runs_once_and_the_same_wait_still_receives_the_event()
    {
        var reminders = new List<string>();
        await using var h = await new RuntimeHarness(DeadlineWorkflow(reminders)).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Deadline", null, "remind-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.AdvanceAsync(TimeSpan.FromDays(1));
        Assert.Equal(["reminded"], reminders);
        await h.AdvanceAsync(TimeSpan.FromDays(1));
        await h.Runtime.RaiseEventAsync("remind-1", "Answer", "after the reminder", RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.Equal("\"answered after the reminder\"", (await h.InstanceAsync("remind-1")).SerializedOutput);
        Assert.Equal(["reminded"], reminders);
        var history = await h.Runtime.GetHistoryAsync("remind-1", RuntimeHarness.Ct);
        Assert.Equal(2, history.Count(e => e.Type == HistoryEventType.TimerCreated));
        Assert.Single(history, e => e.Type == HistoryEventType.TimerFired);
        Assert.Empty(await h.RowsAsync("remind-1", "tmr-"));
    }

    [Fact]
    public async Task The_reminder_helper_expires_at_the_deadline_after_reminding()
    {
        var reminders = new List<string>();
        await using var h = await new RuntimeHarness(DeadlineWorkflow(reminders)).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Deadline", null, "remind-2", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.AdvanceAsync(TimeSpan.FromDays(1));
        await h.AdvanceAsync(TimeSpan.FromDays(2));

        Assert.Equal("\"expired\"", (await h.InstanceAsync("remind-2")).SerializedOutput);
        Assert.Equal(["reminded"], reminders);
    }

    [Fact]
    public async Task A_cancelled_timer_never_fires()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, string>("Cancel", async (ctx, _) =>
            {
                using var cancel = new CancellationTokenSource();
                var timer = ctx.CreateTimer(ctx.CurrentUtcDateTime.AddHours(1), cancel.Token);
                cancel.Cancel();
                try
                {
                    await timer;
                    return "the cancelled timer completed";
                }
                catch (OperationCanceledException)
                {
                }

                return await ctx.WaitForExternalEvent<string>("Finish");
            })).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Cancel", null, "cancel-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await h.AdvanceAsync(TimeSpan.FromHours(2));
        Assert.Empty(await h.RowsAsync("cancel-1", "tmr-"));
        await h.Runtime.RaiseEventAsync("cancel-1", "Finish", "done", RuntimeHarness.Ct);
        await h.IdleAsync();

        Assert.Equal("\"done\"", (await h.InstanceAsync("cancel-1")).SerializedOutput);
        var history = await h.Runtime.GetHistoryAsync("cancel-1", RuntimeHarness.Ct);
        Assert.Single(history, e => e.Type == HistoryEventType.TimerCreated);
        Assert.DoesNotContain(history, e => e.Type == HistoryEventType.TimerFired);
    }

    [Fact]
    public async Task Two_concurrent_events_on_one_instance_are_each_recorded_once()
    {
        await using var h = await new RuntimeHarness(r => r
            .AddOrchestrator<string?, int>("Tally", async (ctx, _) =>
            {
                var a = await ctx.WaitForExternalEvent<int>("Vote");
                var b = await ctx.WaitForExternalEvent<int>("Vote");
                return a + b;
            })).StartAsync();
        await h.Runtime.ScheduleNewOrchestrationInstanceAsync("Tally", null, "tally-1", RuntimeHarness.Ct);
        await h.IdleAsync();

        await Task.WhenAll(
            h.Runtime.RaiseEventAsync("tally-1", "Vote", 2, RuntimeHarness.Ct),
            h.Runtime.RaiseEventAsync("tally-1", "Vote", 40, RuntimeHarness.Ct));
        await h.IdleAsync();

        Assert.Equal("42", (await h.InstanceAsync("tally-1")).SerializedOutput);
        Assert.Equal(2, (await h.Runtime.GetHistoryAsync("tally-1", RuntimeHarness.Ct)).Count(e => e.Type == HistoryEventType.EventRaised));
    }
}
