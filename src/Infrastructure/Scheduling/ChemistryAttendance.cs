using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Infrastructure.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>
/// The coach's word on the booked chemistry session, at any time after booking: it was held (the
/// reflections go out at once, however and whenever they talked), or the client did not come (the
/// slot is freed and the workflow offers one fresh booking). Each report is about the session booked
/// now. A repeat finishes whatever a first attempt left undone and reports "already recorded".
/// </summary>
public sealed class ChemistryAttendance(
    EngagementStore engagements,
    SlotReservationStore reservations,
    EngagementTimeline timeline,
    TimeProvider clock,
    IOptions<CoachFlowOptions> options)
{
    public async Task<AttendanceStatus> MarkHeldAsync(EngagementId id, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var engagement = await engagements.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (engagement is null)
        {
            return AttendanceStatus.NotFound;
        }

        if (!ChemistryScheduler.Upcoming(engagement, out var session))
        {
            return await HeldRecordedAsync(engagement, cancellationToken).ConfigureAwait(false) ? AttendanceStatus.AlreadyRecorded : AttendanceStatus.NotOpen;
        }

        var added = await timeline.TryAddAsync(id, new TimelineEntry(HeldKey(session), clock.GetUtcNow(), Actor.Coach, "Chemistry", "The coach marked the chemistry session as held"), cancellationToken).ConfigureAwait(false);
        await workflows.RaiseEngagementEventAsync(id, EngagementEvents.SessionHeld, new SessionReport(session.Sequence), cancellationToken).ConfigureAwait(false);
        return added ? AttendanceStatus.Recorded : AttendanceStatus.AlreadyRecorded;
    }

    public async Task<AttendanceStatus> ReportNoShowAsync(EngagementId id, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var update = await engagements.UpdateAsync(
            id,
            e => ChemistryScheduler.Upcoming(e, out var s)
                ? e with { Chemistry = s with { Missed = true }, UpdatedAt = clock.GetUtcNow() }
                : e,
            cancellationToken).ConfigureAwait(false);
        if (update is null)
        {
            return AttendanceStatus.NotFound;
        }

        var session = update.After.Chemistry;
        if (!update.Changed && (session is not { Missed: true } || update.After.Stage != Stage.ChemistryScheduled))
        {
            return NoShowRecorded(update.After) ? AttendanceStatus.AlreadyRecorded : AttendanceStatus.NotOpen;
        }

        await reservations.ReleaseAsync(options.Value.Coach.Id, Instant.FromDateTimeOffset(session!.Start), id, cancellationToken).ConfigureAwait(false);
        await timeline.TryAddAsync(id, new TimelineEntry($"chemistry-{session.Sequence:D2}-missed", clock.GetUtcNow(), Actor.Coach, "Chemistry", "The coach reported that the client did not come to the chemistry session"), cancellationToken).ConfigureAwait(false);
        await workflows.RaiseEngagementEventAsync(id, EngagementEvents.ClientNoShow, new SessionReport(session.Sequence), cancellationToken).ConfigureAwait(false);
        return update.Changed ? AttendanceStatus.Recorded : AttendanceStatus.AlreadyRecorded;
    }

    /// <summary>Whether the coach said the latest booked session was held.</summary>
    public async Task<bool> HeldRecordedAsync(Engagement engagement, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return engagement.Chemistry is { } booked && await timeline.ContainsAsync(engagement.Id, HeldKey(booked), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the coach reported that the client missed the latest booked session.</summary>
    public static bool NoShowRecorded(Engagement engagement) => engagement?.Chemistry is { Missed: true };

    private static string HeldKey(ChemistrySession session) => $"chemistry-{session.Sequence:D2}-held";
}
