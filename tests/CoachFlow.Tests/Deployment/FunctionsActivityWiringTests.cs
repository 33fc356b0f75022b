using System.Reflection;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Tests.Lifecycle.Activities;
using Microsoft.Azure.Functions.Worker;

namespace CoachFlow.Tests.Deployment;

/// <summary>
/// The Functions app's activity triggers are one-line forwards; a forward to the wrong activity would send
/// the wrong email on Azure only. Each trigger, called as the Functions host calls it, must do exactly what
/// the activity of its name does (<see cref="ActivityCases"/>).
/// </summary>
public sealed class FunctionsActivityWiringTests(ActivityBench bench) : IClassFixture<ActivityBench>
{
    [Fact]
    public void Every_activity_the_workflow_calls_has_exactly_one_activity_trigger_and_a_case_here()
    {
        Assert.Equal(LifecycleActivities.All.Order(), ActivityBench.ActivityFunctions().Select(m => m.GetCustomAttribute<FunctionAttribute>()!.Name).Order());
        Assert.Equal(LifecycleActivities.All.Order(), ActivityCases.All.Select(c => c.Activity).Distinct().Order());
    }

    [Theory]
    [MemberData(nameof(ActivityCases.OnePerActivity), MemberType = typeof(ActivityCases))]
    public async Task Each_activity_trigger_runs_the_activity_of_its_name(string label)
    {
        var activity = ActivityCases.Named(label);
        var id = await bench.EngagementForAsync(activity);

        var result = await bench.RunFunctionAsync(activity, id);

        await bench.AssertSentAsync(activity, id);
        if (activity.Check is { } check)
        {
            await check(bench, id, result);
        }
    }
}
