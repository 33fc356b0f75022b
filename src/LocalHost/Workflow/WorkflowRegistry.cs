namespace CoachFlow.LocalHost.Workflow;

/// <summary>
/// The orchestrators and activities the runtime can run, by name. Payloads cross as JSON strings,
/// exactly as they would through Durable's history, so every input and output really round-trips.
/// </summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, Func<Domain.Workflow.IWorkflowContext, string?, Task<string?>>> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<IServiceProvider, string?, CancellationToken, Task<string?>>> _activities = new(StringComparer.OrdinalIgnoreCase);

    public WorkflowRegistry AddOrchestrator<TInput, TOutput>(string name, Func<Domain.Workflow.IWorkflowContext, TInput, Task<TOutput>> orchestrator)
    {
        ArgumentNullException.ThrowIfNull(orchestrator);
        _orchestrators[name] = async (context, input) => DurableJson.Serialize(await orchestrator(context, DurableJson.Deserialize<TInput>(input)));
        return this;
    }

    public WorkflowRegistry AddActivity<TInput, TOutput>(string name, Func<IServiceProvider, TInput, CancellationToken, Task<TOutput>> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _activities[name] = async (services, input, cancellationToken) =>
            DurableJson.Serialize(await activity(services, DurableJson.Deserialize<TInput>(input), cancellationToken).ConfigureAwait(false));
        return this;
    }

    public WorkflowRegistry AddActivity<TInput>(string name, Func<IServiceProvider, TInput, CancellationToken, Task> activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        _activities[name] = async (services, input, cancellationToken) =>
        {
            await activity(services, DurableJson.Deserialize<TInput>(input), cancellationToken).ConfigureAwait(false);
            return null;
        };
        return this;
    }

    internal Func<Domain.Workflow.IWorkflowContext, string?, Task<string?>>? FindOrchestrator(string name) =>
        _orchestrators.GetValueOrDefault(name);

    internal Func<IServiceProvider, string?, CancellationToken, Task<string?>>? FindActivity(string name) =>
        _activities.GetValueOrDefault(name);
}
