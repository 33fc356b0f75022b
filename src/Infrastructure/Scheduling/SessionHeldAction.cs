using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Links;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The coach's "Session held" link: the reflection forms go out now.</summary>
public sealed class SessionHeldAction(ChemistryAttendance attendance, IOptions<CoachFlowOptions> options) : ILinkActionHandler
{
    public LinkAction Action => LinkAction.MarkSessionHeld;

    public Task<ActPrompt> DescribeAsync(Engagement engagement, LinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (engagement.Stage != Stage.ChemistryScheduled || ChemistryScheduler.ActiveSession(engagement) is not { } session)
        {
            return Task.FromResult(new ActPrompt("Session held", string.Empty, string.Empty, AlreadyDone: true));
        }

        var name = engagement.Intake.Name;
        return Task.FromResult(new ActPrompt(
            $"Have you had your chemistry session with {name}?",
            $"The session is booked for {SlotFormat.ForPeople(BookingPage.ToSlot(session), DateTimeZoneProviders.Tzdb[options.Value.Coach.TimeZone])}. If you have already talked, by video or by phone, {name} and you each get the short reflection form now.",
            "Yes, we've talked: send the reflections"));
    }

    public async Task<ActOutcome> PerformAsync(Engagement engagement, LinkGrant grant, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return await attendance.MarkHeldAsync(engagement.Id, cancellationToken).ConfigureAwait(false) switch
        {
            AttendanceStatus.Recorded => new ActOutcome(ActOutcomeKind.Done, "Reflections on their way", $"You and {engagement.Intake.Name} will each get the reflection form in a moment."),
            AttendanceStatus.AlreadyRecorded => new ActOutcome(ActOutcomeKind.AlreadyRecorded, "Already recorded", "The session is marked as held."),
            _ => new ActOutcome(ActOutcomeKind.NotPossible, "No session waiting", $"There is no booked session waiting: the enquiry is now {engagement.Stage}."),
        };
    }
}
