using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Lifecycle;
using CoachFlow.Workflow;
using Microsoft.DurableTask;
using static CoachFlow.Domain.Lifecycle.LifecycleActivities;

namespace CoachFlow.LocalHost.Engine;

/// <summary>The engagement workflow and its activities, by the names the workflow calls them (the Functions app's function names).</summary>
public static class EngagementTasks
{
    public static DurableTaskRegistry AddEngagementWorkflow(this DurableTaskRegistry registry)
    {
        // The input type is what the orchestrator reads: the plain worker hands over the deserialized input as is.
        registry.AddOrchestratorFunc<string, Stage>(EngagementWorkflow.Name, (context, engagementId) => EngagementWorkflow.RunAsync(context, engagementId!));
        Add<string?, LifecycleSettings>(registry, GetLifecycleSettings, (a, _, _) => Task.FromResult(a.GetLifecycleSettings()));
        Add<StageChange>(registry, RecordStage, (a, change, ct) => a.RecordStageAsync(change, ct));
        Add<string>(registry, SendAcknowledgement, (a, id, ct) => a.SendAcknowledgementAsync(id, ct));
        Add<string>(registry, SendInquiryToCoach, (a, id, ct) => a.SendInquiryToCoachAsync(id, ct));
        Add<string>(registry, SendTriageReminder, (a, id, ct) => a.SendTriageReminderAsync(id, ct));
        Add<string>(registry, SendChemistryInvitation, (a, id, ct) => a.SendChemistryInvitationAsync(id, ct));
        Add<string>(registry, SendBookingReminder, (a, id, ct) => a.SendBookingReminderAsync(id, ct));
        Add<string>(registry, SendChemistryConfirmation, (a, id, ct) => a.SendChemistryConfirmationAsync(id, ct));
        Add<string>(registry, SendSessionReminder, (a, id, ct) => a.SendSessionReminderAsync(id, ct));
        Add<string>(registry, SendReflectionRequests, (a, id, ct) => a.SendReflectionRequestsAsync(id, ct));
        Add<DecisionReminder>(registry, SendDecisionReminder, (a, reminder, ct) => a.SendDecisionReminderAsync(reminder, ct));
        Add<string>(registry, SendAgreement, (a, id, ct) => a.SendAgreementAsync(id, ct));
        Add<string>(registry, SendAgreementReminder, (a, id, ct) => a.SendAgreementReminderAsync(id, ct));
        Add<string>(registry, SendContractedNotices, (a, id, ct) => a.SendContractedNoticesAsync(id, ct));
        Add<DeclineNotice>(registry, SendDecline, (a, notice, ct) => a.SendDeclineAsync(notice, ct));
        Add<ExpiryNotice>(registry, SendExpiryNotice, (a, notice, ct) => a.SendExpiryNoticeAsync(notice, ct));
        Add<NoShowNotice>(registry, SendNoShowNotice, (a, notice, ct) => a.SendNoShowNoticeAsync(notice, ct));
        Add<FailureNotice>(registry, SendFailureNotice, (a, notice, ct) => a.SendFailureNoticeAsync(notice, ct));
        Add<WithdrawalNotice>(registry, SendWithdrawalNotice, (a, notice, ct) => a.SendWithdrawalNoticeAsync(notice, ct));
        return registry;
    }

    private static void Add<TInput, TOutput>(DurableTaskRegistry registry, string name, Func<EngagementActivities, TInput, CancellationToken, Task<TOutput>> run) =>
        registry.AddActivity(name, services => new EngagementActivity<TInput, TOutput>(services.GetRequiredService<EngagementActivities>(), run));

    private static void Add<TInput>(DurableTaskRegistry registry, string name, Func<EngagementActivities, TInput, CancellationToken, Task> run) =>
        Add<TInput, object?>(registry, name, async (a, input, ct) =>
        {
            await run(a, input, ct).ConfigureAwait(false);
            return null;
        });
}
