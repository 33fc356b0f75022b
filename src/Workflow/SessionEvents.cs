using CoachFlow.Domain.Lifecycle;
using Microsoft.DurableTask;

namespace CoachFlow.Workflow;

/// <summary>
/// What can happen to a booked session, each waited for once for the whole workflow and waited for
/// again only after it fired. A booking after a no-show reuses the same waits: a second wait for a
/// name whose first wait is still pending would hand the next event to the first one.
/// </summary>
internal sealed class SessionEvents(TaskOrchestrationContext context)
{
    public Task<ChemistryBooking> Rescheduled { get; private set; } = context.WaitForExternalEvent<ChemistryBooking>(EngagementEvents.ChemistryRescheduled);

    public Task<ChemistryCancellation> Cancelled { get; private set; } = context.WaitForExternalEvent<ChemistryCancellation>(EngagementEvents.ChemistryCancelled);

    public Task<SessionReport> Held { get; private set; } = context.WaitForExternalEvent<SessionReport>(EngagementEvents.SessionHeld);

    public Task<SessionReport> NoShow { get; private set; } = context.WaitForExternalEvent<SessionReport>(EngagementEvents.ClientNoShow);

    public IEnumerable<Task> All => [Rescheduled, Cancelled, Held, NoShow];

    public async Task<ChemistryBooking> TakeRescheduledAsync()
    {
        var value = await Rescheduled;
        Rescheduled = context.WaitForExternalEvent<ChemistryBooking>(EngagementEvents.ChemistryRescheduled);
        return value;
    }

    public async Task<int> TakeCancelledAsync()
    {
        var value = await Cancelled;
        Cancelled = context.WaitForExternalEvent<ChemistryCancellation>(EngagementEvents.ChemistryCancelled);
        return value.Sequence;
    }

    public async Task<int> TakeHeldAsync()
    {
        var value = await Held;
        Held = context.WaitForExternalEvent<SessionReport>(EngagementEvents.SessionHeld);
        return value.Sequence;
    }

    public async Task<int> TakeNoShowAsync()
    {
        var value = await NoShow;
        NoShow = context.WaitForExternalEvent<SessionReport>(EngagementEvents.ClientNoShow);
        return value.Sequence;
    }
}
