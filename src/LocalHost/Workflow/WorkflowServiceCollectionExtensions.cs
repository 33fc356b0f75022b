using CoachFlow.Domain.Workflow;
using CoachFlow.Infrastructure.Storage;
using Microsoft.Extensions.Options;

namespace CoachFlow.LocalHost.Workflow;

public static class WorkflowServiceCollectionExtensions
{
    /// <summary>The local durable runtime as the host's <see cref="IWorkflowClient"/>, started and stopped with it.</summary>
    public static IServiceCollection AddLocalWorkflowRuntime(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WorkflowRuntimeOptions>().Bind(configuration.GetSection(WorkflowRuntimeOptions.SectionName));
        services.AddSingleton(sp =>
        {
            var registry = new WorkflowRegistry();
            foreach (var registration in sp.GetServices<WorkflowRegistration>())
            {
                registration.Register(registry);
            }

            return registry;
        });
        services.AddSingleton(sp => new WorkflowStore(
            sp.GetRequiredService<CoachFlowTables>().Get(sp.GetRequiredService<IOptions<WorkflowRuntimeOptions>>().Value.TableName)));
        services.AddSingleton<LocalWorkflowRuntime>();
        services.AddSingleton<IWorkflowClient>(sp => sp.GetRequiredService<LocalWorkflowRuntime>());
        services.AddHostedService(sp => sp.GetRequiredService<LocalWorkflowRuntime>());
        return services;
    }

    /// <summary>Adds orchestrators and activities to the local runtime's registry.</summary>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, Action<WorkflowRegistry> register) =>
        services.AddSingleton(new WorkflowRegistration(register));
}
