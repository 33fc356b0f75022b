using CoachFlow.Domain.Engagements;
using CoachFlow.Workflow;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CoachFlow.Functions.Workflow;

public static class EngagementOrchestrator
{
    [Function(EngagementWorkflow.Name)]
    public static Task<Stage> Run([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return EngagementWorkflow.RunAsync(context, context.GetInput<string>()!);
    }
}
