using CoachFlow.Infrastructure.Lifecycle;
using Microsoft.DurableTask;

namespace CoachFlow.LocalHost.Engine;

/// <summary>An activity whose body is one method of <see cref="EngagementActivities"/>, as in the Functions app.</summary>
internal sealed class EngagementActivity<TInput, TOutput>(EngagementActivities activities, Func<EngagementActivities, TInput, CancellationToken, Task<TOutput>> run)
    : TaskActivity<TInput, TOutput>
{
    public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => run(activities, input, CancellationToken.None);
}
