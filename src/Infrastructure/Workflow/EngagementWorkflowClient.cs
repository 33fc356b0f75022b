using CoachFlow.Domain.Engagements;
using CoachFlow.Workflow;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CoachFlow.Infrastructure.Workflow;

/// <summary>How the HTTP side starts an engagement's workflow and hands it a person's decision.</summary>
public static class EngagementWorkflowClient
{
    private static readonly OrchestrationRuntimeStatus[] AnyStatus = Enum.GetValues<OrchestrationRuntimeStatus>();

    /// <summary>
    /// Starts the workflow of <paramref name="id"/> (the instance id is the engagement id) unless it
    /// exists in any state: a repeated intake must never restart a finished engagement.
    /// </summary>
    /// <param name="mintedNow">
    /// True when the caller generated <paramref name="id"/> itself for this request (128 random bits, never handed
    /// out before): no workflow can exist for it, so the look-up, a storage read behind a gRPC call, is skipped.
    /// </param>
    public static async Task StartEngagementAsync(this DurableTaskClient client, EngagementId id, bool mintedNow, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (!mintedNow && await client.GetInstanceAsync(id.Value, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        try
        {
            var options = new StartOrchestrationOptions(id.Value).WithDedupeStatuses(AnyStatus);
            await client.ScheduleNewOrchestrationInstanceAsync(EngagementWorkflow.Name, id.Value, options, cancellationToken).ConfigureAwait(false);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            // A racing repeat of the same intake started it first.
        }
    }

    /// <summary>
    /// Raises <paramref name="eventName"/> on the engagement's workflow while it runs. A finished (or
    /// never started) instance drops it, as Durable does: the Functions host refuses events for such
    /// instances, and the page answering the person is the same either way.
    /// </summary>
    public static async Task RaiseEngagementEventAsync(this DurableTaskClient client, EngagementId id, string eventName, object payload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(id.Value, cancellationToken).ConfigureAwait(false);
        if (instance?.RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending)
        {
            await client.RaiseEventAsync(id.Value, eventName, payload, cancellationToken).ConfigureAwait(false);
        }
    }
}
