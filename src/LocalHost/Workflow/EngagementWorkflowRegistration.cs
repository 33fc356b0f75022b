using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Lifecycle;

namespace CoachFlow.LocalHost.Workflow;

/// <summary>The engagement workflow and its activities, by the names the workflow calls them.</summary>
public static class EngagementWorkflowRegistration
{
    public static IServiceCollection AddEngagementWorkflow(this IServiceCollection services) => services.AddWorkflows(r => r
        .AddOrchestrator<string, Stage>(EngagementWorkflow.Name, EngagementWorkflow.RunAsync)
        .AddActivity<string?, LifecycleSettings>(LifecycleActivities.GetLifecycleSettings, (sp, _, _) => Task.FromResult(Activities(sp).GetLifecycleSettings()))
        .AddActivity<StageChange>(LifecycleActivities.RecordStage, (sp, change, ct) => Activities(sp).RecordStageAsync(change, ct))
        .AddActivity<string>(LifecycleActivities.SendAcknowledgement, (sp, id, ct) => Activities(sp).SendAcknowledgementAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendInquiryToCoach, (sp, id, ct) => Activities(sp).SendInquiryToCoachAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendTriageReminder, (sp, id, ct) => Activities(sp).SendTriageReminderAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendChemistryInvitation, (sp, id, ct) => Activities(sp).SendChemistryInvitationAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendBookingReminder, (sp, id, ct) => Activities(sp).SendBookingReminderAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendChemistryConfirmation, (sp, id, ct) => Activities(sp).SendChemistryConfirmationAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendSessionReminder, (sp, id, ct) => Activities(sp).SendSessionReminderAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendReflectionRequests, (sp, id, ct) => Activities(sp).SendReflectionRequestsAsync(id, ct))
        .AddActivity<DecisionReminder>(LifecycleActivities.SendDecisionReminder, (sp, reminder, ct) => Activities(sp).SendDecisionReminderAsync(reminder, ct))
        .AddActivity<string>(LifecycleActivities.SendAgreement, (sp, id, ct) => Activities(sp).SendAgreementAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendAgreementReminder, (sp, id, ct) => Activities(sp).SendAgreementReminderAsync(id, ct))
        .AddActivity<string>(LifecycleActivities.SendContractedNotices, (sp, id, ct) => Activities(sp).SendContractedNoticesAsync(id, ct))
        .AddActivity<DeclineNotice>(LifecycleActivities.SendDecline, (sp, notice, ct) => Activities(sp).SendDeclineAsync(notice, ct))
        .AddActivity<ExpiryNotice>(LifecycleActivities.SendExpiryNotice, (sp, notice, ct) => Activities(sp).SendExpiryNoticeAsync(notice, ct)));

    private static EngagementActivities Activities(IServiceProvider services) => services.GetRequiredService<EngagementActivities>();
}
