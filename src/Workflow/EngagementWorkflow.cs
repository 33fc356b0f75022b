using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using Microsoft.DurableTask;
using static CoachFlow.Domain.Lifecycle.LifecycleActivities;

namespace CoachFlow.Workflow;

/// <summary>
/// The engagement lifecycle of DESIGN §1 as a Durable Task orchestrator, the same code on Azure
/// Functions and on the local host. It reads top to bottom: acknowledge, triage, booking, the
/// session, the mutual decision, the agreement. Its input is the engagement id alone; every email
/// and record is an activity that reads the rest from storage, so history holds no personal data.
/// The coach may withdraw the engagement at any point the workflow waits; it then ends <see cref="Stage.Withdrawn"/>.
/// </summary>
public sealed class EngagementWorkflow
{
    public const string Name = nameof(EngagementWorkflow);

    /// <summary>A second no-show closes the engagement; the first gets a fresh booking link.</summary>
    private const int NoShowsThatEndIt = 2;

    private readonly TaskOrchestrationContext _context;
    private readonly string _id;

    /// <summary>Waited for once for the whole workflow (a second wait for the same name would take its event).</summary>
    private readonly Task<Withdrawal> _withdrawn;
    private Stage _stage = Stage.Received;
    private LifecycleSettings _settings = null!;
    private TaskOptions _retry = ActivityRetryPolicy.ForSettings.ToTaskOptions();
    private int _stageChanges;

    private EngagementWorkflow(TaskOrchestrationContext context, string engagementId)
    {
        _context = context;
        _id = engagementId;
        _withdrawn = context.WaitForExternalEvent<Withdrawal>(EngagementEvents.CoachWithdrew);
    }

    /// <summary>
    /// Runs the lifecycle of one engagement and returns the stage it ended in. When an activity runs
    /// out of retries, or fails permanently, the engagement is recorded <see cref="Stage.Failed"/>, the
    /// coach is told, and the instance fails with the activity's error.
    /// </summary>
    public static async Task<Stage> RunAsync(TaskOrchestrationContext context, string engagementId)
    {
        ArgumentNullException.ThrowIfNull(context);
        var workflow = new EngagementWorkflow(context, engagementId);
        try
        {
            return await workflow.RunUntilWithdrawnAsync();
        }
        catch (TaskFailedException failure)
        {
            await workflow.RecordFailureAsync(failure.TaskName, ActivityRetryPolicy.IsPermanent(failure.FailureDetails));
            throw;
        }
    }

    private async Task<Stage> RunUntilWithdrawnAsync()
    {
        try
        {
            return await RunAsync();
        }
        catch (EngagementWithdrawnException)
        {
            return await WithdrawAsync();
        }
    }

    private async Task<Stage> RunAsync()
    {
        _settings = await _context.CallActivityAsync<LifecycleSettings>(GetLifecycleSettings, _id, _retry);
        _retry = _settings.ActivityRetry.ToTaskOptions();
        await RecordAsync(Stage.Received, Actor.Client);
        await SendAsync(SendAcknowledgement);
        await SendAsync(SendInquiryToCoach);

        if (!_settings.AutoInvite)
        {
            await RecordAsync(Stage.AwaitingCoachTriage, Actor.System);
            var triage = await WaitAsync<TriageDecision>(EngagementEvents.CoachTriage, _settings.TriageReminder, _settings.TriageTimeout, SendTriageReminder);
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
        await SendAsync(SendChemistryInvitation);
        if (await MeetAsync() is { } ended)
        {
            return ended;
        }

        await SendAsync(SendReflectionRequests);
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
        await SendAsync(SendAgreement);
        var accepted = await WaitAsync<AgreementAcceptance>(EngagementEvents.AgreementAccepted, _settings.AgreementReminder, _settings.AgreementTimeout, SendAgreementReminder);
        if (accepted is null)
        {
            return await ExpireAsync(Stage.AwaitingAgreement, Stage.AgreementLapsed);
        }

        await RecordAsync(Stage.Contracted, Actor.Client);
        await SendAsync(SendContractedNotices);
        return Stage.Contracted;
    }

    /// <summary>
    /// From the booking invitation to a session that happened (null: go on to the decisions), or the
    /// stage the engagement ended in: no booking in time, a cancellation, or a second no-show. After
    /// the first no-show the client gets a fresh booking link and the wait starts again.
    /// </summary>
    private async Task<Stage?> MeetAsync()
    {
        var session = new SessionEvents(_context);
        var noShows = 0;
        var lastSequence = -1;
        while (true)
        {
            var seen = lastSequence;
            var now = _context.CurrentUtcDateTime;
            var booking = await _context.WaitWithReminderAsync<ChemistryBooking>(
                EngagementEvents.ChemistryBooked, now + _settings.BookingReminder, now + _settings.BookingTimeout, () => SendAsync(SendBookingReminder), b => b.Sequence > seen, _withdrawn);
            if (booking is null)
            {
                return await ExpireAsync(Stage.AwaitingBooking, Stage.Expired);
            }

            await RecordAsync(Stage.ChemistryScheduled, Actor.Client);
            await SendAsync(SendChemistryConfirmation);
            var (outcome, sequence) = await AttendAsync(session, booking);
            lastSequence = sequence;
            switch (outcome)
            {
                case SessionOutcome.Ended or SessionOutcome.Held:
                    await RecordAsync(Stage.AwaitingDecisions, outcome == SessionOutcome.Held ? Actor.Coach : Actor.System);
                    return null;
                case SessionOutcome.Cancelled:
                    await RecordAsync(Stage.Withdrawn, Actor.Client);
                    await SendAsync(SendChemistryConfirmation);
                    return Stage.Withdrawn;
            }

            var final = ++noShows == NoShowsThatEndIt;
            await RecordAsync(final ? Stage.Withdrawn : Stage.AwaitingBooking, Actor.Coach);
            await _context.CallActivityAsync(SendNoShowNotice, new NoShowNotice(_id, final), _retry);
            if (final)
            {
                return Stage.Withdrawn;
            }
        }
    }

    /// <summary>
    /// Waits for the booked session to happen, reminding both a while before it starts. A reschedule
    /// re-sends the invitation and waits for the new time. Reports about an earlier booking (late
    /// repeats) are ignored. Returns the outcome and the sequence of the session it is about.
    /// </summary>
    private async Task<(SessionOutcome Outcome, int Sequence)> AttendAsync(SessionEvents session, ChemistryBooking booking)
    {
        var current = booking;
        var reminded = RemindAt(current) <= _context.CurrentUtcDateTime;
        while (true)
        {
            EventWaits.ThrowIfWithdrawn(_withdrawn);
            var wakeAt = reminded ? current.End.UtcDateTime : RemindAt(current);
            using var cancelTimer = new CancellationTokenSource();
            var timer = _context.CreateTimer(wakeAt, cancelTimer.Token);
            var winner = await Task.WhenAny([timer, .. session.All, _withdrawn]);
            if (winner == timer)
            {
                if (reminded)
                {
                    return (SessionOutcome.Ended, current.Sequence);
                }

                reminded = true;
                await SendAsync(SendSessionReminder);
                continue;
            }

            cancelTimer.Cancel();
            EventWaits.ThrowIfWithdrawn(_withdrawn);
            if (winner == session.Rescheduled)
            {
                var moved = await session.TakeRescheduledAsync();
                if (moved.Sequence > current.Sequence)
                {
                    current = moved;
                    reminded = RemindAt(current) <= _context.CurrentUtcDateTime;
                    await SendAsync(SendChemistryConfirmation);
                }
            }
            else if (winner == session.Cancelled)
            {
                if (await session.TakeCancelledAsync() == current.Sequence)
                {
                    return (SessionOutcome.Cancelled, current.Sequence);
                }
            }
            else if (winner == session.Held)
            {
                if (await session.TakeHeldAsync() == current.Sequence)
                {
                    return (SessionOutcome.Held, current.Sequence);
                }
            }
            else if (await session.TakeNoShowAsync() == current.Sequence)
            {
                return (SessionOutcome.NoShow, current.Sequence);
            }
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

            Task pending = coachYes is null ? (clientYes is null ? Task.WhenAny(coach, client) : coach) : client;
            if (await EventWaits.RaceAsync(_context, pending, reminded ? deadline : remindAt, _withdrawn))
            {
                continue;
            }

            if (reminded)
            {
                return (coachYes, clientYes);
            }

            reminded = true;
            await _context.CallActivityAsync(SendDecisionReminder, new DecisionReminder(_id, coachYes is null, clientYes is null), _retry);
        }
    }

    /// <summary>Waits for <paramref name="eventName"/> with one reminder on the way; null when the deadline passes first.</summary>
    private Task<T?> WaitAsync<T>(string eventName, TimeSpan remindAfter, TimeSpan timeout, string reminderActivity)
        where T : class
    {
        var now = _context.CurrentUtcDateTime;
        return _context.WaitWithReminderAsync<T>(eventName, now + remindAfter, now + timeout, () => SendAsync(reminderActivity), _ => true, _withdrawn);
    }

    /// <summary>The coach closed the engagement: recorded as theirs, and the client told kindly (a booked session cancelled).</summary>
    private async Task<Stage> WithdrawAsync()
    {
        var waitingIn = _stage;
        await RecordAsync(Stage.Withdrawn, Actor.Coach);
        await _context.CallActivityAsync(SendWithdrawalNotice, new WithdrawalNotice(_id, waitingIn), _retry);
        return Stage.Withdrawn;
    }

    private async Task<Stage> DeclineAsync(DeclineReason reason, Stage ending, Actor actor)
    {
        await RecordAsync(ending, actor);
        await _context.CallActivityAsync(SendDecline, new DeclineNotice(_id, reason), _retry);
        return ending;
    }

    private async Task<Stage> ExpireAsync(Stage waitingIn, Stage ending)
    {
        await RecordAsync(ending, Actor.System);
        await _context.CallActivityAsync(SendExpiryNotice, new ExpiryNotice(_id, waitingIn, ending), _retry);
        return ending;
    }

    private async Task RecordAsync(Stage stage, Actor actor)
    {
        _stage = stage;
        _context.SetCustomStatus(stage.ToString());
        await _context.CallActivityAsync(RecordStage, new StageChange(_id, stage, actor, ++_stageChanges), _retry);
    }

    /// <summary>Best effort: when storage or email is what fails, these fail too, and the instance's own status still says Failed.</summary>
    private async Task RecordFailureAsync(string failedStep, bool refused)
    {
        try
        {
            await RecordAsync(Stage.Failed, Actor.System);
        }
        catch (TaskFailedException)
        {
            // Storage is failing too.
        }

        try
        {
            await _context.CallActivityAsync(SendFailureNotice, new FailureNotice(_id, failedStep, refused), _retry);
        }
        catch (TaskFailedException)
        {
            // Email is what failed.
        }
    }

    private Task SendAsync(string activity) => _context.CallActivityAsync(activity, _id, _retry);

    private DateTime RemindAt(ChemistryBooking booking) => booking.Start.UtcDateTime - _settings.SessionReminderBefore;
}
