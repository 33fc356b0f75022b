using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Infrastructure.Timeline;
using static CoachFlow.Domain.Engagements.Actor;
using static CoachFlow.Domain.Lifecycle.LifecycleActivities;
using static CoachFlow.Infrastructure.Links.LinkAction;

namespace CoachFlow.Tests.Lifecycle.Activities;

/// <summary>
/// Every activity of the workflow, and every variant of one that decides whom to write to, with what it
/// must send. Subjects are the sample coach's and the sample client's (Sam Rivers Coaching, Ada Lovelace).
/// </summary>
public static class ActivityCases
{
    private const string Coach = "Sam Rivers Coaching";
    private const string Name = "Ada Lovelace";

    /// <summary>The input of most activities: the engagement id alone. Declared before <see cref="All"/>, which uses it.</summary>
    private static readonly Func<EngagementId, object?> Id = id => id.Value;

    public static readonly IReadOnlyList<ActivityCase> All =
    [
        new("settings", GetLifecycleSettings, Stage.Received, false, _ => null, [], async (bench, _, result) =>
        {
            Assert.Equal(bench.Get<EngagementActivities>().GetLifecycleSettings(), result);
            await Task.CompletedTask;
        }),
        new("stage", RecordStage, Stage.AwaitingCoachTriage, false, id => new StageChange(id.Value, Stage.AwaitingBooking, Actor.Coach, 2), [], async (bench, id, _) =>
        {
            Assert.Equal(Stage.AwaitingBooking, (await bench.EngagementAsync(id)).Stage);
            Assert.Contains(await bench.Get<EngagementTimeline>().ListAsync(id, TestContext.Current.CancellationToken), e => e.Key == "stage-02-AwaitingBooking" && e.Actor == Actor.Coach);
        }),
        new("acknowledgement", SendAcknowledgement, Stage.Received, false, Id, [new(Client, "Thank you for getting in touch, Ada", ViewStatus)]),
        new("inquiry", SendInquiryToCoach, Stage.Received, false, Id, [new(Actor.Coach, $"New enquiry: {Name}", InviteToChemistry, DeclineAtTriage, ManageData)]),
        new("triage reminder", SendTriageReminder, Stage.AwaitingCoachTriage, false, Id, [new(Actor.Coach, $"{Name} is waiting to hear from you", InviteToChemistry, DeclineAtTriage)]),
        new("invitation", SendChemistryInvitation, Stage.AwaitingBooking, false, Id, [new(Client, $"{Coach} would love to meet you", BookChemistry)]),
        new("booking reminder", SendBookingReminder, Stage.AwaitingBooking, false, Id, [new(Client, $"A gentle reminder: choose a time to meet {Coach}", BookChemistry)]),
        new("booking confirmation", SendChemistryConfirmation, Stage.ChemistryScheduled, true, Id,
        [
            new(Client, $"Your chemistry session with {Coach} is booked", RescheduleChemistry, CancelChemistry),
            new(Actor.Coach, $"Chemistry session booked: {Name}", MarkSessionHeld, ReportNoShow),
        ]),
        new("session reminder", SendSessionReminder, Stage.ChemistryScheduled, true, Id,
        [
            new(Client, $"See you soon: chemistry session with {Coach}"),
            new(Actor.Coach, $"Chemistry session soon: {Name}", MarkSessionHeld, ReportNoShow),
        ]),
        new("reflection requests", SendReflectionRequests, Stage.AwaitingDecisions, true, Id,
        [
            new(Client, $"How did it feel? A few questions after meeting {Coach}", Reflect),
            new(Actor.Coach, $"Your reflection on {Name}", Reflect),
        ]),
        new("decision reminder, client silent", SendDecisionReminder, Stage.AwaitingDecisions, true, id => new DecisionReminder(id.Value, RemindCoach: false, RemindClient: true),
            [new(Client, $"A gentle reminder: your reflection after meeting {Coach}", Reflect)]),
        new("decision reminder, coach silent", SendDecisionReminder, Stage.AwaitingDecisions, true, id => new DecisionReminder(id.Value, RemindCoach: true, RemindClient: false),
            [new(Actor.Coach, $"Reminder: your reflection on {Name}", Reflect)]),
        new("decision reminder, both silent", SendDecisionReminder, Stage.AwaitingDecisions, true, id => new DecisionReminder(id.Value, RemindCoach: true, RemindClient: true),
        [
            new(Client, $"A gentle reminder: your reflection after meeting {Coach}", Reflect),
            new(Actor.Coach, $"Reminder: your reflection on {Name}", Reflect),
        ]),
        new("agreement", SendAgreement, Stage.AwaitingAgreement, true, Id,
        [
            new(Client, $"You both said yes: your coaching agreement with {Coach}", AcceptAgreement),
            new(Actor.Coach, $"You both said yes: {Name}"),
        ]),
        new("agreement reminder", SendAgreementReminder, Stage.AwaitingAgreement, true, Id, [new(Client, $"A gentle reminder: your coaching agreement with {Coach}", AcceptAgreement)]),
        new("contracted", SendContractedNotices, Stage.Contracted, true, Id,
        [
            new(Client, $"Welcome: your coaching with {Coach} is agreed"),
            new(Actor.Coach, $"Agreement accepted: {Name}"),
        ]),
        new("declined at triage", SendDecline, Stage.Declined, false, id => new DeclineNotice(id.Value, DeclineReason.CoachAtTriage), [new(Client, $"Thank you for getting in touch with {Coach}")]),
        new("coach said no", SendDecline, Stage.NotCompatible, true, id => new DeclineNotice(id.Value, DeclineReason.CoachAfterSession),
        [
            new(Client, "Thank you for our conversation"),
            new(Actor.Coach, $"Not a fit: {Name}"),
        ]),
        new("client said no", SendDecline, Stage.NotCompatible, true, id => new DeclineNotice(id.Value, DeclineReason.ClientAfterSession),
        [
            new(Client, "Thank you for your honesty"),
            new(Actor.Coach, $"Not a fit: {Name}"),
        ]),
        new("expired at triage", SendExpiryNotice, Stage.Expired, false, id => new ExpiryNotice(id.Value, Stage.AwaitingCoachTriage, Stage.Expired),
        [
            new(Client, "Sorry we couldn't reply in time"),
            new(Actor.Coach, $"Closed for now: {Name}"),
        ]),
        new("no-show, rebooking", SendNoShowNotice, Stage.AwaitingBooking, true, id => new NoShowNotice(id.Value, Final: false), [new(Client, $"We missed you: book another time with {Coach}", BookChemistry)]),
        new("no-show, closed", SendNoShowNotice, Stage.Withdrawn, true, id => new NoShowNotice(id.Value, Final: true),
        [
            new(Client, "Closing our conversation for now"),
            new(Actor.Coach, $"Closed after a second no-show: {Name}"),
        ]),
        new("withdrawn before booking", SendWithdrawalNotice, Stage.Withdrawn, false, id => new WithdrawalNotice(id.Value, Stage.AwaitingCoachTriage),
            [new(Client, $"Closing your enquiry with {Coach}")]),
        new("withdrawn while booked", SendWithdrawalNotice, Stage.Withdrawn, true, id => new WithdrawalNotice(id.Value, Stage.ChemistryScheduled),
        [
            new(Client, $"Your chemistry session with {Coach} is cancelled"),
            new(Actor.Coach, $"Chemistry session cancelled: {Name}"),
            new(Client, $"Closing your enquiry with {Coach}"),
        ]),
        new("failure", SendFailureNotice, Stage.Failed, false, id => new FailureNotice(id.Value, SendAcknowledgement), [new(Actor.Coach, "Needs your attention: Ada")]),
    ];

    /// <summary>The cases by label, for a theory.</summary>
    public static TheoryData<string> Labels() => [.. All.Select(c => c.Label)];

    /// <summary>One case per activity name (the first listed), for a theory over the activities.</summary>
    public static TheoryData<string> OnePerActivity() => [.. All.DistinctBy(c => c.Activity).Select(c => c.Label)];

    public static ActivityCase Named(string label) => All.Single(c => c.Label == label);
}
