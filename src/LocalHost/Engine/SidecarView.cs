using System.Reflection;
using System.Runtime.ExceptionServices;
using DurableTask.Core;

namespace CoachFlow.LocalHost.Engine;

/// <summary>
/// The orchestration service as the sidecar sees it. The sidecar starts its provider only once a
/// worker connects, and then even after the host has begun to stop, which would leave partition
/// leases being renewed for a host that is gone; so the host starts and stops the provider itself,
/// and the sidecar's start and stop calls end here. The in-memory provider allows only as many
/// concurrent work items as there are processors, and the sidecar's dispatcher sleeps half a second
/// whenever that cap is reached (a thousand instances took minutes on two cores), so for it this view
/// reports a wider cap. Everything else goes straight to the provider.
/// </summary>
public class SidecarView : DispatchProxy
{
    private IOrchestrationService _provider = null!;
    private int? _maxConcurrentWorkItems;

    public static IOrchestrationService Over(IOrchestrationService provider, int? maxConcurrentWorkItems)
    {
        var view = Create<IOrchestrationService, SidecarView>();
        var self = (SidecarView)(object)view;
        self._provider = provider;
        self._maxConcurrentWorkItems = maxConcurrentWorkItems;
        return view;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        switch (targetMethod.Name)
        {
            case nameof(IOrchestrationService.StartAsync) or nameof(IOrchestrationService.StopAsync):
                return Task.CompletedTask;
            case "get_MaxConcurrentTaskOrchestrationWorkItems" or "get_MaxConcurrentTaskActivityWorkItems" when _maxConcurrentWorkItems is { } max:
                return max;
        }

        try
        {
            return targetMethod.Invoke(_provider, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
