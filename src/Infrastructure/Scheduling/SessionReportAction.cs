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

    public async Task<ActPrompt> DescribeAsync(Engagement engagement, LinkGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        if (!ChemistryScheduler.Upcoming(engagement, out var session))
        {
            return ActPrompt.SettledAs(await RecordedAsync(engagement, cancellationToken).ConfigureAwait(false) ? AlreadyRecordedOutcome : NotOpen(engagement));
        }

        var when = SlotFormat.ForPeople(BookingPage.ToSlot(session), DateTimeZoneProviders.Tzdb[options.Value.Coach.TimeZone]);
        return Prompt(engagement.Intake.Name, when);
    }

    public async Task<ActOutcome> PerformAsync(Engagement engagement, LinkGrant grant, IReadOnlyDictionary<string, string> fields, DurableTaskClient workflows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engagement);
        return await ReportAsync(engagement.Id, workflows, cancellationToken).ConfigureAwait(false) switch
        {
            AttendanceStatus.Recorded => Done(engagement.Intake.Name),
            AttendanceStatus.AlreadyRecorded => AlreadyRecordedOutcome,
            _ => NotOpen(engagement),
        };
    }

    protected abstract string AlreadyRecorded { get; }

    /// <summary>Whether this report about the latest booked session is already on record.</summary>
    protected abstract Task<bool> RecordedAsync(Engagement engagement, CancellationToken cancellationToken);

    private ActOutcome AlreadyRecordedOutcome => new(ActOutcomeKind.AlreadyRecorded, "Already recorded", AlreadyRecorded);

    private static ActOutcome NotOpen(Engagement engagement) =>
        new(ActOutcomeKind.NotPossible, "No session waiting", $"There is no booked session waiting: the enquiry is now {engagement.Stage}.");

    protected abstract ActPrompt Prompt(string clientName, string sessionTime);

    protected abstract Task<AttendanceStatus> ReportAsync(EngagementId id, DurableTaskClient workflows, CancellationToken cancellationToken);

    protected abstract ActOutcome Done(string clientName);
}
