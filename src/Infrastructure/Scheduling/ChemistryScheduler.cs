using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Infrastructure.Workflow;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>
/// Books, reschedules and cancels chemistry sessions: the slot reservation decides who gets a slot,
/// the engagement records the session, the timeline says what happened, and the workflow hears of
/// it through its event. Emails and stage changes are the workflow's business.
/// </summary>
public sealed class ChemistryScheduler(
    EngagementStore engagements,
    SlotReservationStore reservations,
    EngagementTimeline timeline,
    TimeProvider clock,
    IOptions<CoachFlowOptions> options)
{
    private readonly CoachProfileOptions _coach = options.Value.Coach;
    private readonly Availability _availability = CoachAvailability.From(options.Value.Coach);

    /// <summary>The slots a client may book right now.</summary>
    public async Task<IReadOnlyList<Slot>> FreeSlotsAsync(CancellationToken cancellationToken)
    {
        var now = Now;
        return SlotGenerator.Bookable(_availability, now, await ReservedAsync(now, cancellationToken).ConfigureAwait(false));
    }

    public async Task<BookingResult> BookAsync(EngagementId id, Slot slot, bool reschedule, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var engagement = await engagements.GetAsync(id, cancellationToken).ConfigureAwait(false);
        if (engagement is null)
        {
            return new BookingResult(BookingStatus.NotFound, null);
        }

        // A first booking while the engagement waits for one (or a racing repeat, answered below); a new time only for the session it waits for.
        var current = ActiveSession(engagement);
        if (!OpenFor(engagement, reschedule))
        {
            return new BookingResult(BookingStatus.NotOpen, engagement);
        }

        if (current is not null && (!reschedule || current.Start == slot.Start.ToDateTimeOffset()))
        {
            return new BookingResult(BookingStatus.AlreadyBooked, engagement);
        }

        var now = Now;
        var check = SlotGenerator.Check(_availability, now, await ReservedAsync(now, cancellationToken).ConfigureAwait(false), slot);
        if (check != SlotCheck.Bookable)
        {
            return new BookingResult(check switch { SlotCheck.Taken => BookingStatus.Taken, SlotCheck.TooLate => BookingStatus.TooLate, _ => BookingStatus.NotOffered }, engagement);
        }

        if (!await reservations.TryReserveAsync(_coach.Id, slot, id, cancellationToken).ConfigureAwait(false))
        {
            return new BookingResult(BookingStatus.Taken, engagement);
        }

        EngagementUpdate? update;
        try
        {
            update = await engagements.UpdateAsync(id, e => Record(e, current, reschedule, slot, clock.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The slot is ours but the engagement never got it: free it, or nobody could book it again.
            await reservations.ReleaseAsync(_coach.Id, slot.Start, id, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        if (update is null || !update.Changed)
        {
            // Another request booked for this engagement first, or it ended meanwhile: give our slot back.
            await reservations.ReleaseAsync(_coach.Id, slot.Start, id, cancellationToken).ConfigureAwait(false);
            return update is null ? new BookingResult(BookingStatus.NotFound, null)
                : !OpenFor(update.After, reschedule) ? new BookingResult(BookingStatus.NotOpen, update.After)
                : new BookingResult(BookingStatus.AlreadyBooked, update.After);
        }

        if (current is not null)
        {
            await reservations.ReleaseAsync(_coach.Id, Instant.FromDateTimeOffset(current.Start), id, cancellationToken).ConfigureAwait(false);
        }

        var session = update.After.Chemistry!;
        var verb = current is null ? "booked" : "moved";
        await timeline.TryAddAsync(id, new TimelineEntry(
            $"chemistry-{session.Sequence:D2}-booked", clock.GetUtcNow(), Actor.Client, "Chemistry",
            $"Chemistry session {verb} to {session.Start.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}"), cancellationToken).ConfigureAwait(false);

        var booking = new ChemistryBooking(session.Sequence, session.Start, session.End);
        await workflows.RaiseEngagementEventAsync(id, current is null ? EngagementEvents.ChemistryBooked : EngagementEvents.ChemistryRescheduled, booking, cancellationToken).ConfigureAwait(false);
        return new BookingResult(current is null ? BookingStatus.Booked : BookingStatus.Rescheduled, update.After);
    }

    public async Task<BookingResult> CancelAsync(EngagementId id, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        var update = await CancelSessionAsync(id, e => Upcoming(e, out _), Actor.Client, "Client cancelled the chemistry session", cancellationToken).ConfigureAwait(false);
        if (update is null)
        {
            return new BookingResult(BookingStatus.NotFound, null);
        }

        if (!update.Changed)
        {
            var status = update.After.Chemistry?.Cancelled == true ? BookingStatus.AlreadyCancelled : BookingStatus.NotOpen;
            return new BookingResult(status, update.After);
        }

        // The event names the booking that was cancelled; the cancellation itself took the next calendar sequence.
        await workflows.RaiseEngagementEventAsync(id, EngagementEvents.ChemistryCancelled, new ChemistryCancellation(update.After.Chemistry!.Sequence - 1), cancellationToken).ConfigureAwait(false);
        return new BookingResult(BookingStatus.Cancelled, update.After);
    }

    /// <summary>
    /// Cancels the session of an engagement the coach withdrew while it was booked (the workflow already recorded
    /// <see cref="Stage.Withdrawn"/>), freeing its slot. Safe to repeat: a cancelled session stays as it is.
    /// </summary>
    public Task CancelForWithdrawalAsync(EngagementId id, CancellationToken cancellationToken) =>
        CancelSessionAsync(id, e => e.Stage == Stage.Withdrawn && ActiveSession(e) is not null, Actor.Coach, "The chemistry session was cancelled with the engagement", cancellationToken);

    /// <summary>
    /// Marks the active session cancelled when <paramref name="cancellable"/> allows, then frees its slot and notes it
    /// in the timeline. Those two run again on a repeat (a retry after a failed release still frees the slot); both
    /// are keyed, so a repeat changes nothing else.
    /// </summary>
    private async Task<EngagementUpdate?> CancelSessionAsync(EngagementId id, Func<Engagement, bool> cancellable, Actor actor, string summary, CancellationToken cancellationToken)
    {
        var update = await engagements.UpdateAsync(
            id,
            e => cancellable(e) && ActiveSession(e) is { } s
                ? e with { Chemistry = s with { Cancelled = true, Sequence = s.Sequence + 1 }, UpdatedAt = clock.GetUtcNow() }
                : e,
            cancellationToken).ConfigureAwait(false);
        if (update is { After.Chemistry: { Cancelled: true } session })
        {
            await reservations.ReleaseAsync(_coach.Id, Instant.FromDateTimeOffset(session.Start), id, cancellationToken).ConfigureAwait(false);
            await timeline.TryAddAsync(id, new TimelineEntry($"chemistry-{session.Sequence:D2}-cancelled", clock.GetUtcNow(), actor, "Chemistry", summary), cancellationToken).ConfigureAwait(false);
        }

        return update;
    }

    /// <summary>
    /// The booked session the engagement waits for: the only one the client may move or cancel and the coach
    /// may report on. Once it is held, or the engagement has ended, the session is history.
    /// </summary>
    public static bool Upcoming(Engagement engagement, [NotNullWhen(true)] out ChemistrySession? session)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        session = engagement.Stage == Stage.ChemistryScheduled ? ActiveSession(engagement) : null;
        return session is not null;
    }

    /// <summary>
    /// Whether a booking link may still book (before the session is held and while the engagement lasts) or a
    /// reschedule link still move the session it names (only while that session is <see cref="Upcoming"/>).
    /// </summary>
    public static bool OpenFor(Engagement engagement, bool reschedule) =>
        reschedule ? Upcoming(engagement, out _) : engagement?.Stage is Stage.AwaitingBooking or Stage.ChemistryScheduled;

    /// <summary>The session a client can still attend, move or cancel; null when none (never booked, cancelled, or missed).</summary>
    public static ChemistrySession? ActiveSession(Engagement engagement) =>
        engagement?.Chemistry is { Cancelled: false, Missed: false } session ? session : null;

    private Instant Now => Instant.FromDateTimeOffset(clock.GetUtcNow());

    private static Engagement Record(Engagement e, ChemistrySession? expected, bool reschedule, Slot slot, DateTimeOffset now)
    {
        // Decide again, by the same rule, on what is stored now: a concurrent request may have booked or moved it
        // already, or the engagement may have moved on (session held, expired, withdrawn) since it was read.
        if (ActiveSession(e) != expected || !OpenFor(e, reschedule))
        {
            return e;
        }

        var sequence = e.Chemistry is null ? 0 : e.Chemistry.Sequence + 1;
        return e with { Chemistry = new ChemistrySession(slot.Start.ToDateTimeOffset(), slot.End.ToDateTimeOffset(), sequence, Moved: expected is not null), UpdatedAt = now };
    }

    private Task<IReadOnlyList<Slot>> ReservedAsync(Instant now, CancellationToken cancellationToken) =>
        reservations.ListAsync(_coach.Id, now - Duration.FromDays(1), now + Duration.FromTimeSpan(_coach.Horizon) + Duration.FromDays(1), cancellationToken);
}
