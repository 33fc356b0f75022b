using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Links;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>
/// The coach's two links about the booked session, "Session held" and "No-show": both name the
/// session booked now (in the coach's zone), apply only while the engagement waits for it, and go
/// through <see cref="ChemistryAttendance"/>.
/// </summary>
public abstract class SessionReportAction(ChemistryAttendance attendance, IOptions<CoachFlowOptions> options) : ILinkActionHandler
{
    public abstract LinkAction Action { get; }

    protected ChemistryAttendance Attendance => attendance;

    public Task<ActPrompt> DescribeAsync(Engagement engagement, LinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (engagement.Stage != Stage.ChemistryScheduled || ChemistryScheduler.ActiveSession(engagement) is not { } session)
        {
            return Task.FromResult(new ActPrompt(string.Empty, string.Empty, string.Empty, AlreadyDone: true));
        }

        var when = SlotFormat.ForPeople(BookingPage.ToSlot(session), DateTimeZoneProviders.Tzdb[options.Value.Coach.TimeZone]);
        return Task.FromResult(Prompt(engagement.Intake.Name, when));
    }

    public async Task<ActOutcome> PerformAsync(Engagement engagement, LinkGrant grant, IReadOnlyDictionary<string, string> fields, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return await ReportAsync(engagement.Id, workflows, cancellationToken).ConfigureAwait(false) switch
        {
            AttendanceStatus.Recorded => Done(engagement.Intake.Name),
            AttendanceStatus.AlreadyRecorded => new ActOutcome(ActOutcomeKind.AlreadyRecorded, "Already recorded", AlreadyRecorded),
            _ => new ActOutcome(ActOutcomeKind.NotPossible, "No session waiting", $"There is no booked session waiting: the enquiry is now {engagement.Stage}."),
        };
    }

    protected abstract string AlreadyRecorded { get; }

    protected abstract ActPrompt Prompt(string clientName, string sessionTime);

    protected abstract Task<AttendanceStatus> ReportAsync(EngagementId id, DurableTaskClient workflows, CancellationToken cancellationToken);

    protected abstract ActOutcome Done(string clientName);
}
