using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Actions;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Links;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;

namespace CoachFlow.Infrastructure.Scheduling;

/// <summary>The coach's "Session held" link: the reflection forms go out now.</summary>
public sealed class SessionHeldAction(ChemistryAttendance attendance, IOptions<CoachFlowOptions> options) : SessionReportAction(attendance, options)
{
    public override LinkAction Action => LinkAction.MarkSessionHeld;

    protected override string AlreadyRecorded => "The session is marked as held.";

    protected override ActPrompt Prompt(string clientName, string sessionTime) => new(
        $"Have you had your chemistry session with {clientName}?",
        $"The session is booked for {sessionTime}. If you have already talked, by video or by phone, {clientName} and you each get the short reflection form now.",
        "Yes, we've talked: send the reflections");

    protected override Task<bool> RecordedAsync(Engagement engagement, CancellationToken cancellationToken) => Attendance.HeldRecordedAsync(engagement, cancellationToken);

    protected override Task<AttendanceStatus> ReportAsync(EngagementId id, DurableTaskClient workflows, CancellationToken cancellationToken) => Attendance.MarkHeldAsync(id, workflows, cancellationToken);

    protected override ActOutcome Done(string clientName) =>
        new(ActOutcomeKind.Done, "Reflections on their way", $"You and {clientName} will each get the reflection form in a moment.");
}
