using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Links;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The coach's "No-show" link: the slot is freed and the client gets a kind note with one fresh booking link.</summary>
public sealed class NoShowAction(ChemistryAttendance attendance, IOptions<CoachFlowOptions> options) : ILinkActionHandler
{
    public LinkAction Action => LinkAction.ReportNoShow;

    public Task<ActPrompt> DescribeAsync(Engagement engagement, LinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (engagement.Stage != Stage.ChemistryScheduled || ChemistryScheduler.ActiveSession(engagement) is not { } session)
        {
            return Task.FromResult(new ActPrompt("No-show", string.Empty, string.Empty, AlreadyDone: true));
        }

        var name = engagement.Intake.Name;
        return Task.FromResult(new ActPrompt(
            $"Did {name} not come to the chemistry session?",
            $"The session was booked for {SlotFormat.ForPeople(BookingPage.ToSlot(session), DateTimeZoneProviders.Tzdb[options.Value.Coach.TimeZone])}. {name} will get a kind note and, the first time, a link to book again; the time is freed. A second no-show closes the enquiry.",
            "They didn't come"));
    }

    public async Task<ActOutcome> PerformAsync(Engagement engagement, LinkGrant grant, IReadOnlyDictionary<string, string> fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return await attendance.ReportNoShowAsync(engagement.Id, cancellationToken).ConfigureAwait(false) switch
        {
            AttendanceStatus.Recorded => new ActOutcome(ActOutcomeKind.Done, "Thank you for letting us know", $"The time is free again, and {engagement.Intake.Name} will hear from us kindly."),
            AttendanceStatus.AlreadyRecorded => new ActOutcome(ActOutcomeKind.AlreadyRecorded, "Already recorded", "The no-show is recorded."),
            _ => new ActOutcome(ActOutcomeKind.NotPossible, "No session waiting", $"There is no booked session waiting: the enquiry is now {engagement.Stage}."),
        };
    }
}
