using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace CoachFlow.Functions.Workflow;

public static class EngagementOrchestrator
{
    [Function(EngagementWorkflow.Name)]
    public static Task<Stage> Run([OrchestrationTrigger] TaskOrchestrationContext context) =>
        EngagementWorkflow.RunAsync(new DurableWorkflowContext(context), context.GetInput<string>()!);
}
