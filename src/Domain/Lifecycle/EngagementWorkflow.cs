using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Workflow;

namespace CoachFlow.Domain.Lifecycle;

/// <summary>
/// The engagement lifecycle of DESIGN §1, written once for both runtimes. It reads top to bottom:
/// acknowledge, triage, booking, the session, the mutual decision, the agreement. Its input is the
/// engagement id alone; every email and record is an activity that reads the rest from storage.
/// </summary>
public sealed class EngagementWorkflow
{
    public const string Name = nameof(EngagementWorkflow);

    private readonly IWorkflowContext _context;
    private readonly string _id;
    private LifecycleSettings _settings = null!;

    private EngagementWorkflow(IWorkflowContext context, string engagementId)
    {
        _context = context;
        _id = engagementId;
    }

    /// <summary>Runs the lifecycle of one engagement and returns the stage it ended in.</summary>
    public static async Task<Stage> RunAsync(IWorkflowContext context, string engagementId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workflow = new EngagementWorkflow(context, engagementId);
        try
        {
            return await workflow.RunAsync();
        }
        catch (WorkflowTaskFailedException)
        {
            await workflow.RecordFailureAsync();
            throw;
        }
    }

    private async Task<Stage> RunAsync()
    {
        _settings = await _context.CallActivityAsync<LifecycleSettings>(LifecycleActivities.GetLifecycleSettings);
        await RecordAsync(Stage.Received, Actor.Client);
        await SendAsync(LifecycleActivities.SendAcknowledgement);
        await SendAsync(LifecycleActivities.SendInquiryToCoach);

        if (!_settings.AutoInvite)
        {
            await RecordAsync(Stage.AwaitingCoachTriage, Actor.System);
            var triage = await WaitAsync<TriageDecision>(EngagementEvents.CoachTriage, _settings.TriageReminder, _settings.TriageTimeout, LifecycleActivities.SendTriageReminder);
            if (triage is null)
            {
                return await ExpireAsync(Stage.AwaitingCoachTriage, Stage.Expired);
            }

            if (!triage.Invite)
            {
                return await DeclineAsync(DeclineReason.CoachAtTriage, Stage.Declined, Actor.Coach);
            }
        }

        await RecordAsync(Stage.AwaitingBooking, _settings.AutoInvite ? Actor.System : Actor.Coach);
        await SendAsync(LifecycleActivities.SendChemistryInvitation);
        var booking = await WaitAsync<ChemistryBooking>(EngagementEvents.ChemistryBooked, _settings.BookingReminder, _settings.BookingTimeout, LifecycleActivities.SendBookingReminder);
        if (booking is null)
        {
            return await ExpireAsync(Stage.AwaitingBooking, Stage.Expired);
        }

        await RecordAsync(Stage.ChemistryScheduled, Actor.Client);
        await SendAsync(LifecycleActivities.SendChemistryConfirmation);
        if (!await AttendSessionAsync(booking))
        {
            await RecordAsync(Stage.Withdrawn, Actor.Client);
            await SendAsync(LifecycleActivities.SendChemistryConfirmation);
            return Stage.Withdrawn;
        }

        await RecordAsync(Stage.AwaitingDecisions, Actor.System);
        await SendAsync(LifecycleActivities.SendReflectionRequests);
        var (coachSaysYes, clientSaysYes) = await CollectDecisionsAsync();
        if (coachSaysYes == false)
        {
            return await DeclineAsync(DeclineReason.CoachAfterSession, Stage.NotCompatible, Actor.Coach);
        }

        if (clientSaysYes == false)
        {
            return await DeclineAsync(DeclineReason.ClientAfterSession, Stage.NotCompatible, Actor.Client);
        }

        if (coachSaysYes != true || clientSaysYes != true)
        {
            return await ExpireAsync(Stage.AwaitingDecisions, Stage.Expired);
        }

        await RecordAsync(Stage.AwaitingAgreement, Actor.System);
        await SendAsync(LifecycleActivities.SendAgreement);
        var accepted = await WaitAsync<AgreementAcceptance>(EngagementEvents.AgreementAccepted, _settings.AgreementReminder, _settings.AgreementTimeout, LifecycleActivities.SendAgreementReminder);
        if (accepted is null)
        {
            return await ExpireAsync(Stage.AwaitingAgreement, Stage.AgreementLapsed);
        }

        await RecordAsync(Stage.Contracted, Actor.Client);
        await SendAsync(LifecycleActivities.SendContractedNotices);
        return Stage.Contracted;
    }

    /// <summary>
    /// Waits for the booked session to end, reminding both a while before it starts. A reschedule
    /// re-sends the invitation and starts over with the new time; a cancellation ends the wait (false).
    /// </summary>
    private async Task<bool> AttendSessionAsync(ChemistryBooking booking)
    {
        var rescheduled = _context.WaitForExternalEvent<ChemistryBooking>(EngagementEvents.ChemistryRescheduled);
        var cancelled = _context.WaitForExternalEvent<ChemistryCancellation>(EngagementEvents.ChemistryCancelled);
        var current = booking;
        var reminded = RemindAt(current) <= _context.CurrentUtcDateTime;
        while (true)
        {
            var wakeAt = reminded ? current.End.UtcDateTime : RemindAt(current);
            using var cancelTimer = new CancellationTokenSource();
            var timer = _context.CreateTimer(wakeAt, cancelTimer.Token);
            var winner = await Task.WhenAny(timer, rescheduled, cancelled);
            if (winner == cancelled)
            {
                cancelTimer.Cancel();
                return false;
            }

            if (winner == rescheduled)
            {
                cancelTimer.Cancel();
                var moved = await rescheduled;
                rescheduled = _context.WaitForExternalEvent<ChemistryBooking>(EngagementEvents.ChemistryRescheduled);
                if (moved.EventId != current.EventId)
                {
                    current = moved;
                    reminded = RemindAt(current) <= _context.CurrentUtcDateTime;
                    await SendAsync(LifecycleActivities.SendChemistryConfirmation);
                }

                continue;
            }

            if (!reminded)
            {
                reminded = true;
                await SendAsync(LifecycleActivities.SendSessionReminder);
                continue;
            }

            return true;
        }
    }

    /// <summary>
    /// Both decisions, in any order, with one reminder to whoever has not answered. A "no" from either
    /// side settles it without waiting for the other. Null for a side that never answered.
    /// </summary>
    private async Task<(bool? Coach, bool? Client)> CollectDecisionsAsync()
    {
        var coach = _context.WaitForExternalEvent<FitDecision>(EngagementEvents.CoachDecision);
        var client = _context.WaitForExternalEvent<FitDecision>(EngagementEvents.ClientDecision);
        var remindAt = _context.CurrentUtcDateTime + _settings.DecisionReminder;
        var deadline = _context.CurrentUtcDateTime + _settings.DecisionTimeout;
        var reminded = false;
        while (true)
        {
            bool? coachYes = coach.IsCompleted ? (await coach).Yes : null;
            bool? clientYes = client.IsCompleted ? (await client).Yes : null;
            if (coachYes == false || clientYes == false || (coachYes is not null && clientYes is not null))
            {
                return (coachYes, clientYes);
            }

            using var cancelTimer = new CancellationTokenSource();
            var timer = _context.CreateTimer(reminded ? deadline : remindAt, cancelTimer.Token);
            var waits = new List<Task> { timer };
            if (coachYes is null)
            {
                waits.Add(coach);
            }

            if (clientYes is null)
            {
                waits.Add(client);
            }

            var winner = await Task.WhenAny(waits);
            if (winner != timer)
            {
                cancelTimer.Cancel();
                continue;
            }

            if (reminded)
            {
                return (coachYes, clientYes);
            }

            reminded = true;
            await _context.CallActivityAsync(LifecycleActivities.SendDecisionReminder, new DecisionReminder(_id, coachYes is null, clientYes is null));
        }
    }

    /// <summary>Waits for <paramref name="eventName"/> with one reminder on the way; null when the deadline passes first.</summary>
    private async Task<T?> WaitAsync<T>(string eventName, TimeSpan remindAfter, TimeSpan timeout, string reminderActivity)
        where T : class
    {
        var now = _context.CurrentUtcDateTime;
        var outcome = await _context.WaitForEventAsync<T>(eventName, now + timeout, now + remindAfter, () => SendAsync(reminderActivity));
        return outcome.TimedOut ? null : outcome.Value;
    }

    private async Task<Stage> DeclineAsync(DeclineReason reason, Stage ending, Actor actor)
    {
        await RecordAsync(ending, actor);
        await _context.CallActivityAsync(LifecycleActivities.SendDecline, new DeclineNotice(_id, reason));
        return ending;
    }

    private async Task<Stage> ExpireAsync(Stage waitingIn, Stage ending)
    {
        await RecordAsync(ending, Actor.System);
        await _context.CallActivityAsync(LifecycleActivities.SendExpiryNotice, new ExpiryNotice(_id, waitingIn, ending));
        return ending;
    }

    private async Task RecordAsync(Stage stage, Actor actor)
    {
        _context.SetCustomStatus(stage.ToString());
        await _context.CallActivityAsync(LifecycleActivities.RecordStage, new StageChange(_id, stage, actor));
    }

    private async Task RecordFailureAsync()
    {
        try
        {
            await RecordAsync(Stage.Failed, Actor.System);
        }
        catch (WorkflowTaskFailedException)
        {
            // Storage is failing too; the instance's own status still says Failed.
        }
    }

    private Task SendAsync(string activity) => _context.CallActivityAsync(activity, _id);

    private DateTime RemindAt(ChemistryBooking booking) => booking.Start.UtcDateTime - _settings.SessionReminderBefore;
}
