using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Workflow;
using CoachFlow.LocalHost.Workflow;
using CoachFlow.Tests.TestSupport;

namespace CoachFlow.Tests.DevTools;

public sealed class DevClockApiTests() : AppTest(new CoachFlowApp(fakeClock: false, services: s => s.AddWorkflows(r => r
    .AddOrchestrator<string?, string>("Sleeper", async (ctx, _) =>
    {
        await ctx.CreateTimer(ctx.CurrentUtcDateTime.AddDays(3), CancellationToken.None);
        return "woke";
    }))))
{
    [Fact]
    public async Task Development_uses_the_dev_clock_as_the_time_provider()
    {
        Assert.IsType<DevClock>(App.Get<TimeProvider>());
        var reading = await Client.GetFromJsonAsync<JsonObject>("/dev/clock", Ct);
        Assert.Equal("00:00:00", reading!["offset"]!.GetValue<string>());
    }

    [Fact]
    public async Task Advancing_the_clock_fires_due_timers_before_answering()
    {
        var workflows = App.Get<IWorkflowClient>();
        await workflows.ScheduleNewOrchestrationInstanceAsync("Sleeper", null, "dev-sleeper", Ct);
        await App.Get<LocalWorkflowRuntime>().WhenIdleAsync(TimeSpan.FromSeconds(30));
        var before = DateTimeOffset.UtcNow;

        var response = await Client.PostAsync("/dev/clock/advance?by=P3DT1M", null, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reading = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.Equal("3.00:01:00", reading!["offset"]!.GetValue<string>());
        Assert.True(reading["now"]!.GetValue<DateTimeOffset>() >= before.AddDays(3));
        Assert.Equal(WorkflowRuntimeStatus.Completed, (await workflows.GetInstanceAsync("dev-sleeper", Ct))!.RuntimeStatus);
    }

    [Theory]
    [InlineData("3 days")]
    [InlineData("")]
    [InlineData("-P1D")]
    [InlineData("PT0S")]
    public async Task A_bad_duration_is_a_400_problem(string by)
    {
        var response = await Client.PostAsync($"/dev/clock/advance?by={Uri.EscapeDataString(by)}", null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }
}
