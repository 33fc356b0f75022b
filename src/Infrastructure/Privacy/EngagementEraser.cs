using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Privacy;

/// <summary>
/// Erases one engagement everywhere CoachFlow keeps it: its workflow (terminated if running, then its
/// history purged from the task hub), slot reservations, emails kept in the dev outbox, timeline,
/// idempotency row, and its own rows. What stays is a tombstone. Every step is idempotent and needs
/// only the id, so a repeat after a crash half-way finishes the job. An agreed engagement erased at the client's request keeps its contract
/// (see README, "Privacy"); the coach's erasure takes everything.
/// </summary>
public sealed class EngagementEraser(
    EngagementStore engagements,
    EngagementTimeline timeline,
    SlotReservationStore reservations,
    OutboxStore outbox,
    ErasureTombstones tombstones,
    TimeProvider clock,
    IOptions<CoachFlowOptions> options)
{
    /// <summary>How long a terminated instance is given to stop before its history is purged.</summary>
    private static readonly TimeSpan TerminationPatience = TimeSpan.FromSeconds(30);

    /// <param name="workflows">The caller's Durable client (each Functions invocation has its own).</param>
    public async Task<ErasureTombstone> EraseAsync(EngagementId id, Actor requestedBy, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var engagement = await engagements.GetAsync(id, cancellationToken).ConfigureAwait(false);
        var keepContract = engagement?.Stage == Stage.Contracted && requestedBy == Actor.Client;
        await tombstones.RequestedAsync(id, requestedBy, keepContract, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);

        // The engagement's rows go first: every activity and page starts by reading them, so nothing new
        // can write about the engagement once they are gone. The remaining steps need only the id.
        if (keepContract)
        {
            await engagements.KeepContractOnlyAsync(id, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await engagements.DeleteAsync(id, cancellationToken).ConfigureAwait(false);
        }

        await StopWorkflowAsync(workflows, id, cancellationToken).ConfigureAwait(false);
        await reservations.ReleaseAllAsync(options.Value.Coach.Id, id, cancellationToken).ConfigureAwait(false);
        await outbox.DeleteAllAsync(id.Value, cancellationToken).ConfigureAwait(false);
        await timeline.DeleteAllAsync(id, cancellationToken).ConfigureAwait(false);
        await tombstones.CompletedAsync(id, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return (await tombstones.GetAsync(id, cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Terminates a running instance, waits for it to stop, and purges its history; an absent one is fine.</summary>
    private static async Task StopWorkflowAsync(DurableTaskClient workflows, EngagementId id, CancellationToken cancellationToken)
    {
        var instance = await workflows.GetInstanceAsync(id.Value, cancellationToken).ConfigureAwait(false);
        if (instance is null)
        {
            return;
        }

        if (!instance.IsCompleted)
        {
            await workflows.TerminateInstanceAsync(id.Value, "erased", cancellationToken).ConfigureAwait(false);
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(TerminationPatience);
            await workflows.WaitForInstanceCompletionAsync(id.Value, patience.Token).ConfigureAwait(false);
        }

        await workflows.PurgeInstanceAsync(id.Value, cancellation: cancellationToken).ConfigureAwait(false);
    }
}
