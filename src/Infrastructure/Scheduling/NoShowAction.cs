using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Links;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The coach's "No-show" link: the slot is freed and the client gets a kind note with one fresh booking link.</summary>
public sealed class NoShowAction(ChemistryAttendance attendance, IOptions<CoachFlowOptions> options) : SessionReportAction(attendance, options)
{
    public override LinkAction Action => LinkAction.ReportNoShow;

    protected override string AlreadyRecorded => "The no-show is recorded.";

    protected override ActPrompt Prompt(string clientName, string sessionTime) => new(
        $"Did {clientName} not come to the chemistry session?",
        $"The session was booked for {sessionTime}. {clientName} will get a kind note and, the first time, a link to book again; the time is freed. A second no-show closes the enquiry.",
        "They didn't come");

    protected override Task<bool> RecordedAsync(Engagement engagement, CancellationToken cancellationToken) => Task.FromResult(ChemistryAttendance.NoShowRecorded(engagement));

    protected override Task<AttendanceStatus> ReportAsync(EngagementId id, DurableTaskClient workflows, CancellationToken cancellationToken) => Attendance.ReportNoShowAsync(id, workflows, cancellationToken);

    protected override ActOutcome Done(string clientName) =>
        new(ActOutcomeKind.Done, "Thank you for letting us know", $"The time is free again, and {clientName} will hear from us kindly.");
}
