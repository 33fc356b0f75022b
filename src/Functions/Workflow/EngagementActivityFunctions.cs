using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Lifecycle;
using Microsoft.Azure.Functions.Worker;

namespace CoachFlow.Functions.Workflow;

/// <summary>One activity function per activity the engagement workflow calls, each forwarding to its implementation.</summary>
public sealed class EngagementActivityFunctions(EngagementActivities activities)
{
    [Function(LifecycleActivities.GetLifecycleSettings)]
    public LifecycleSettings GetLifecycleSettings([ActivityTrigger] string? input) => activities.GetLifecycleSettings();

    [Function(LifecycleActivities.RecordStage)]
    public Task RecordStage([ActivityTrigger] StageChange change, CancellationToken cancellationToken) => activities.RecordStageAsync(change, cancellationToken);

    [Function(LifecycleActivities.SendAcknowledgement)]
    public Task SendAcknowledgement([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendAcknowledgementAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendInquiryToCoach)]
    public Task SendInquiryToCoach([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendInquiryToCoachAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendTriageReminder)]
    public Task SendTriageReminder([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendTriageReminderAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendChemistryInvitation)]
    public Task SendChemistryInvitation([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendChemistryInvitationAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendBookingReminder)]
    public Task SendBookingReminder([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendBookingReminderAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendChemistryConfirmation)]
    public Task SendChemistryConfirmation([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendChemistryConfirmationAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendSessionReminder)]
    public Task SendSessionReminder([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendSessionReminderAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendReflectionRequests)]
    public Task SendReflectionRequests([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendReflectionRequestsAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendDecisionReminder)]
    public Task SendDecisionReminder([ActivityTrigger] DecisionReminder reminder, CancellationToken cancellationToken) => activities.SendDecisionReminderAsync(reminder, cancellationToken);

    [Function(LifecycleActivities.SendAgreement)]
    public Task SendAgreement([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendAgreementAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendAgreementReminder)]
    public Task SendAgreementReminder([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendAgreementReminderAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendContractedNotices)]
    public Task SendContractedNotices([ActivityTrigger] string engagementId, CancellationToken cancellationToken) => activities.SendContractedNoticesAsync(engagementId, cancellationToken);

    [Function(LifecycleActivities.SendDecline)]
    public Task SendDecline([ActivityTrigger] DeclineNotice notice, CancellationToken cancellationToken) => activities.SendDeclineAsync(notice, cancellationToken);

    [Function(LifecycleActivities.SendExpiryNotice)]
    public Task SendExpiryNotice([ActivityTrigger] ExpiryNotice notice, CancellationToken cancellationToken) => activities.SendExpiryNoticeAsync(notice, cancellationToken);

    [Function(LifecycleActivities.SendNoShowNotice)]
    public Task SendNoShowNotice([ActivityTrigger] NoShowNotice notice, CancellationToken cancellationToken) => activities.SendNoShowNoticeAsync(notice, cancellationToken);

    [Function(LifecycleActivities.SendFailureNotice)]
    public Task SendFailureNotice([ActivityTrigger] FailureNotice notice, CancellationToken cancellationToken) => activities.SendFailureNoticeAsync(notice, cancellationToken);

    [Function(LifecycleActivities.SendWithdrawalNotice)]
    public Task SendWithdrawalNotice([ActivityTrigger] WithdrawalNotice notice, CancellationToken cancellationToken) => activities.SendWithdrawalNoticeAsync(notice, cancellationToken);
}
