using System.Globalization;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Intake;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Infrastructure.Timeline;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace CoachFlow.Infrastructure.Lifecycle;

/// <summary>
/// The activities of <see cref="EngagementWorkflow"/>: each small, safe to run again, and named for
/// what it does. Emails go through <see cref="EngagementMailer"/>, which sends each one once; stage
/// changes land on the engagement and its timeline.
/// </summary>
public sealed class EngagementActivities(
    EngagementStore engagements,
    EngagementRecords records,
    EngagementTimeline timeline,
    EngagementMailer mailer,
    ChemistryConfirmation chemistry,
    ChemistryScheduler scheduler,
    PublicLinks links,
    TimeProvider clock,
    IOptions<CoachFlowOptions> options)
{
    private static readonly ZonedDateTimePattern Deadline = ZonedDateTimePattern.CreateWithInvariantCulture("dddd d MMMM yyyy, HH':'mm '('z')'", DateTimeZoneProviders.Tzdb);

    private CoachFlowOptions Options => options.Value;

    private CoachProfileOptions Coach => Options.Coach;

    public LifecycleSettings GetLifecycleSettings()
    {
        var d = Options.Durations;
        var r = Options.Workflow.ActivityRetry;
        return new LifecycleSettings(Options.AutoInvite, d.TriageReminder, d.TriageTimeout, d.BookingReminder, d.BookingTimeout,
            d.SessionReminderBefore, d.DecisionReminder, d.DecisionTimeout, d.AgreementReminder, d.AgreementTimeout,
            new ActivityRetry(r.MaxAttempts, r.FirstRetryInterval, r.BackoffCoefficient, r.MaxRetryInterval));
    }

    /// <summary>
    /// Moves the engagement to its new stage. An engagement that ends without a contract drops its
    /// mental-health note at once: nothing needs it any more, and it is the most sensitive thing held.
    /// An erased engagement records nothing.
    /// </summary>
    public async Task RecordStageAsync(StageChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var id = Id(change.EngagementId);
        var now = clock.GetUtcNow();
        var endsWithoutContract = change.Stage.IsTerminal() && change.Stage != Stage.Contracted;
        var update = await engagements.UpdateAsync(
            id,
            e => e.Stage == change.Stage && (!endsWithoutContract || e.Intake.MentalHealthNote is null)
                ? e
                : e with { Stage = change.Stage, UpdatedAt = e.Stage == change.Stage ? e.UpdatedAt : now, Intake = endsWithoutContract ? e.Intake with { MentalHealthNote = null } : e.Intake },
            cancellationToken).ConfigureAwait(false);
        if (update is null)
        {
            return;
        }

        await timeline.TryAddAsync(id, new TimelineEntry($"stage-{change.Ordinal:D2}-{change.Stage}", now, change.Actor, "Stage", $"Stage: {change.Stage}"), cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAcknowledgementAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var model = Model(e) with { AutoInvite = Options.AutoInvite, StatusUrl = links.Status(e.Id) };
        await ToClientAsync(e, "acknowledgement", model, [new("Follow progress", model.StatusUrl)], cancellationToken).ConfigureAwait(false);
    }

    public async Task SendInquiryToCoachAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var model = InquiryModel(e) with { DataUrl = links.Data(e.Id, Actor.Coach) };
        await ToCoachAsync(e, "inquiry", model, [.. TriageLinks(model), new(CoachDataLabel, model.DataUrl)], cancellationToken).ConfigureAwait(false);
    }

    public async Task SendTriageReminderAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var model = InquiryModel(e) with { Until = Until(Options.Durations.TriageTimeout, Coach.TimeZone) };
        await ToCoachAsync(e, "triage-reminder", model, TriageLinks(model), cancellationToken).ConfigureAwait(false);
    }

    public async Task SendChemistryInvitationAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var model = Model(e) with { BookUrl = links.Book(e.Id), Until = Until(Options.Durations.BookingTimeout, e.Intake.TimeZone) };
        await ToClientAsync(e, "chemistry-invitation", model, [new("Choose a time", model.BookUrl)], cancellationToken).ConfigureAwait(false);
    }

    public async Task SendBookingReminderAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var deadline = clock.GetUtcNow() + Options.Durations.BookingTimeout - Options.Durations.BookingReminder;
        await mailer.SendOnceAsync(e.Id, BookingReminder(e, Key("booking-reminder", AfterMissedSession(e)), deadline), cancellationToken).ConfigureAwait(false);
    }

    public Task SendChemistryConfirmationAsync(string engagementId, CancellationToken cancellationToken) =>
        chemistry.SendAsync(Id(engagementId), cancellationToken);

    public async Task SendSessionReminderAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var session = e.Chemistry ?? throw new InvalidOperationException($"Engagement {engagementId} has no chemistry session.");
        var join = new Uri(Coach.MeetingLink);
        var key = $"session-{session.Sequence:D2}";
        await ToClientAsync(e, "session-reminder-client", Model(e) with { When = When(session, e.Intake.TimeZone), JoinUrl = join }, [new("Join the video call", join)], cancellationToken, key).ConfigureAwait(false);
        var coachModel = InquiryModel(e) with { When = When(session, Coach.TimeZone), JoinUrl = join, HeldUrl = links.SessionHeld(e.Id, session.Start), NoShowUrl = links.NoShow(e.Id, session.Start) };
        await ToCoachAsync(e, "session-reminder-coach", coachModel, [new("Video call", join), .. SessionReportLinks(coachModel)], cancellationToken, key).ConfigureAwait(false);
    }

    public async Task SendReflectionRequestsAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var clientModel = Model(e) with { ReflectUrl = links.Reflect(e.Id, Actor.Client), Until = Until(Options.Durations.DecisionTimeout, e.Intake.TimeZone) };
        var coachModel = Model(e) with { ReflectUrl = links.Reflect(e.Id, Actor.Coach), Until = Until(Options.Durations.DecisionTimeout, Coach.TimeZone) };
        await ToClientAsync(e, "reflection-request-client", clientModel, [new("Share your reflection", clientModel.ReflectUrl)], cancellationToken).ConfigureAwait(false);
        await ToCoachAsync(e, "reflection-request-coach", coachModel, [new("Record your reflection", coachModel.ReflectUrl)], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reminds the sides the workflow has not heard from, unless their reflection is already stored: an
    /// answer given just as the reminder fell due may reach the workflow after the reminder's timer.
    /// </summary>
    public async Task SendDecisionReminderAsync(DecisionReminder reminder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reminder);
        var e = await LoadAsync(reminder.EngagementId, cancellationToken).ConfigureAwait(false);
        var remaining = Options.Durations.DecisionTimeout - Options.Durations.DecisionReminder;
        if (reminder.RemindClient && !await HasReflectedAsync(e, Actor.Client, cancellationToken).ConfigureAwait(false))
        {
            await mailer.SendOnceAsync(e.Id, ReflectionReminder(e, Key("decision-reminder-client", null), clock.GetUtcNow() + remaining), cancellationToken).ConfigureAwait(false);
        }

        if (reminder.RemindCoach && !await HasReflectedAsync(e, Actor.Coach, cancellationToken).ConfigureAwait(false))
        {
            var model = Model(e) with { ReflectUrl = links.Reflect(e.Id, Actor.Coach), Until = Until(remaining, Coach.TimeZone) };
            await ToCoachAsync(e, "decision-reminder-coach", model, [new("Record your reflection", model.ReflectUrl)], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SendAgreementAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var model = Model(e) with { AgreementUrl = links.Agreement(e.Id), Until = Until(Options.Durations.AgreementTimeout, e.Intake.TimeZone) };
        await ToClientAsync(e, "agreement", model, [new("Read and accept the agreement", model.AgreementUrl)], cancellationToken).ConfigureAwait(false);
        await ToCoachAsync(e, "fit-recorded-coach", await WithReflectionsAsync(e, Model(e) with { DecidedBy = "both" }, cancellationToken).ConfigureAwait(false), [], cancellationToken).ConfigureAwait(false);
    }

    public async Task SendAgreementReminderAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var deadline = clock.GetUtcNow() + Options.Durations.AgreementTimeout - Options.Durations.AgreementReminder;
        await mailer.SendOnceAsync(e.Id, AgreementReminder(e, Key("agreement-reminder", null), deadline), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The email that hands the client the link waiting on them now, under <paramref name="key"/>: the reminder of the
    /// booking, reflection or agreement link (open until <paramref name="deadline"/>), or the confirmation of the booked
    /// session with its reschedule and cancel links and calendar invitation. The same composition as those emails, so a
    /// resent link reads as the one the workflow sends. Null when nothing waits on the client.
    /// </summary>
    public async Task<Delivery?> ClientLinkEmailAsync(Engagement e, DateTimeOffset? deadline, string key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(e);
        var reflected = e.Stage == Stage.AwaitingDecisions && await HasReflectedAsync(e, Actor.Client, cancellationToken).ConfigureAwait(false);
        return (e.Stage, deadline) switch
        {
            (Stage.AwaitingBooking, { } until) => BookingReminder(e, key, until),
            (Stage.ChemistryScheduled, _) when ChemistryScheduler.Upcoming(e, out _) => chemistry.ClientEmail(e, key),
            (Stage.AwaitingDecisions, { } until) when !reflected => ReflectionReminder(e, key, until),
            (Stage.AwaitingAgreement, { } until) => AgreementReminder(e, key, until),
            _ => null,
        };
    }

    public async Task SendContractedNoticesAsync(string engagementId, CancellationToken cancellationToken)
    {
        var e = await LoadAsync(engagementId, cancellationToken).ConfigureAwait(false);
        var signature = await records.GetAsync<AgreementSignature>(e.Id, EngagementRecords.Agreement, cancellationToken).ConfigureAwait(false);
        var model = Model(e) with
        {
            SignedName = signature?.SignedName,
            SignedAt = signature is null ? null : Deadline.Format(Instant.FromDateTimeOffset(signature.At).InZone(DateTimeZoneProviders.Tzdb[Coach.TimeZone])),
        };
        await ToClientAsync(e, "contracted-client", model, [], cancellationToken).ConfigureAwait(false);
        await ToCoachAsync(e, "contracted-coach", model, [], cancellationToken).ConfigureAwait(false);
    }

    public async Task SendDeclineAsync(DeclineNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var e = await LoadAsync(notice.EngagementId, cancellationToken).ConfigureAwait(false);
        var (note, referral) = notice.Reason switch
        {
            DeclineReason.CoachAtTriage => await TriageNoteAsync(e, cancellationToken).ConfigureAwait(false),
            DeclineReason.CoachAfterSession => await ReflectionNoteAsync(e, cancellationToken).ConfigureAwait(false),
            _ => (null, null),
        };
        var model = Model(e) with { Note = note, Referrals = ReferralsAfter(referral) };
        var template = notice.Reason switch
        {
            DeclineReason.CoachAtTriage => "declined-at-triage",
            DeclineReason.CoachAfterSession => "not-compatible-coach-said-no",
            _ => "not-compatible-client-said-no",
        };
        await ToClientAsync(e, template, model, [], cancellationToken).ConfigureAwait(false);
        if (notice.Reason != DeclineReason.CoachAtTriage)
        {
            var decidedBy = notice.Reason == DeclineReason.CoachAfterSession ? "coach" : "client";
            await ToCoachAsync(e, "fit-recorded-coach", await WithReflectionsAsync(e, Model(e) with { DecidedBy = decidedBy }, cancellationToken).ConfigureAwait(false), [], cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task SendExpiryNoticeAsync(ExpiryNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var e = await LoadAsync(notice.EngagementId, cancellationToken).ConfigureAwait(false);
        var model = Model(e) with { WaitingIn = notice.WaitingIn.ToString() };
        await ToClientAsync(e, "expired-client", model, [], cancellationToken).ConfigureAwait(false);
        await ToCoachAsync(e, "expired-coach", model, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>After a no-show the client is offered one fresh booking; the second refusal closes the engagement.</summary>
    public async Task SendNoShowNoticeAsync(NoShowNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var e = await LoadAsync(notice.EngagementId, cancellationToken).ConfigureAwait(false);
        if (!notice.Final)
        {
            var model = Model(e) with { BookUrl = links.Book(e.Id), Until = Until(Options.Durations.BookingTimeout, e.Intake.TimeZone) };
            await ToClientAsync(e, "no-show-client", model, [new("Choose a new time", model.BookUrl)], cancellationToken).ConfigureAwait(false);
            return;
        }

        await ToClientAsync(e, "no-show-closed-client", Model(e), [], cancellationToken).ConfigureAwait(false);
        await ToCoachAsync(e, "no-show-closed-coach", Model(e), [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The coach withdrew the engagement: a session booked at that point is cancelled (its slot freed, a calendar
    /// cancellation to both), and the client gets a kind note with the coach's words and referrals.
    /// </summary>
    public async Task SendWithdrawalNoticeAsync(WithdrawalNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var id = Id(notice.EngagementId);
        if (notice.WithdrawnFrom == Stage.ChemistryScheduled)
        {
            await scheduler.CancelForWithdrawalAsync(id, cancellationToken).ConfigureAwait(false);
            await chemistry.SendAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var e = await LoadAsync(notice.EngagementId, cancellationToken).ConfigureAwait(false);
        var withdrawal = await records.GetAsync<WithdrawalRecord>(e.Id, EngagementRecords.Withdrawal, cancellationToken).ConfigureAwait(false);
        var model = Model(e) with { Note = withdrawal?.Note, Referrals = ReferralsAfter(withdrawal?.Referral), WaitingIn = notice.WithdrawnFrom.ToString() };
        await ToClientAsync(e, "withdrawn-client", model, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the coach that an engagement stopped on an error, so a person can pick it up by hand.</summary>
    public async Task SendFailureNoticeAsync(FailureNotice notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var e = await LoadAsync(notice.EngagementId, cancellationToken).ConfigureAwait(false);
        var model = Model(e) with { ClientEmail = e.Intake.Email, FailedStep = notice.FailedStep, Refused = notice.Refused };
        await ToCoachAsync(e, "failed-coach", model, [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The coach's link to see, export or erase what is held about one enquiry.</summary>
    public const string CoachDataLabel = "This enquiry's data";

    private static EngagementId Id(string value) =>
        EngagementId.TryParse(value, out var id) ? id : throw new ArgumentException($"'{value}' is not an engagement id.", nameof(value));

    private async Task<Engagement> LoadAsync(string engagementId, CancellationToken cancellationToken) =>
        await engagements.GetAsync(Id(engagementId), cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidOperationException($"Engagement {engagementId} does not exist (erased?).");

    private LifecycleEmailModel Model(Engagement e) => new(EmailCoach.From(Coach), e.Intake.Name);

    /// <summary>What the coach needs to triage: the intake and the screening flags. Only the coach ever sees this.</summary>
    private LifecycleEmailModel InquiryModel(Engagement e)
    {
        var intake = e.Intake;
        var therapy = intake.SeeingMentalHealthProfessional switch
        {
            MentalHealthSupport.Yes => "yes",
            MentalHealthSupport.PreferNotToSay => "preferNotToSay",
            _ => null,
        };
        return Model(e) with
        {
            ClientEmail = intake.Email,
            ClientTimeZone = intake.TimeZone,
            Goals = intake.Goals,
            FocusAreas = intake.FocusAreas,
            HeardFrom = intake.HeardFrom,
            TherapyAnswer = therapy,
            TherapyNote = intake.MentalHealthNote,
            OutsideFocus = ScreeningFlags.For(intake).OutsideFocusAreas,
            AutoInvite = Options.AutoInvite,
            InviteUrl = Options.AutoInvite ? null : links.InviteToChemistry(e.Id),
            DeclineUrl = Options.AutoInvite ? null : links.DeclineAtTriage(e.Id),
        };
    }

    private Delivery BookingReminder(Engagement e, string key, DateTimeOffset deadline)
    {
        var model = Model(e) with { BookUrl = links.Book(e.Id), Until = Until(deadline, e.Intake.TimeZone) };
        return ToClient(e, key, "booking-reminder", model, [new("Choose a time", model.BookUrl)]);
    }

    private Delivery ReflectionReminder(Engagement e, string key, DateTimeOffset deadline)
    {
        var model = Model(e) with { ReflectUrl = links.Reflect(e.Id, Actor.Client), Until = Until(deadline, e.Intake.TimeZone) };
        return ToClient(e, key, "decision-reminder-client", model, [new("Share your reflection", model.ReflectUrl)]);
    }

    private Delivery AgreementReminder(Engagement e, string key, DateTimeOffset deadline)
    {
        var model = Model(e) with { AgreementUrl = links.Agreement(e.Id), Until = Until(deadline, e.Intake.TimeZone) };
        return ToClient(e, key, "agreement-reminder", model, [new("Read and accept the agreement", model.AgreementUrl)]);
    }

    /// <summary>The coach's usual referrals, after the one they named for this client (if any).</summary>
    private List<string> ReferralsAfter(string? first) => [.. first is null ? Coach.Referrals : Coach.Referrals.Prepend(first)];

    private static List<EmailLink> SessionReportLinks(LifecycleEmailModel model) =>
        model.HeldUrl is null || model.NoShowUrl is null ? [] : [new("Session held", model.HeldUrl), new("No-show", model.NoShowUrl)];

    /// <summary>Keeps a reminder of a second booking round apart from the first one's.</summary>
    private static string? AfterMissedSession(Engagement e) =>
        e.Chemistry is { Missed: true } missed ? string.Create(CultureInfo.InvariantCulture, $"after-{missed.Sequence:D2}") : null;

    private static List<EmailLink> TriageLinks(LifecycleEmailModel model) =>
        model.InviteUrl is null || model.DeclineUrl is null
            ? []
            : [new("Invite to a chemistry session", model.InviteUrl), new("Decline kindly", model.DeclineUrl)];

    private async Task<bool> HasReflectedAsync(Engagement e, Actor who, CancellationToken cancellationToken) =>
        await records.GetAsync<Reflection>(e.Id, EngagementRecords.ReflectionOf(who), cancellationToken).ConfigureAwait(false) is not null;

    private async Task<LifecycleEmailModel> WithReflectionsAsync(Engagement e, LifecycleEmailModel model, CancellationToken cancellationToken)
    {
        var coach = await records.GetAsync<Reflection>(e.Id, EngagementRecords.ReflectionOf(Actor.Coach), cancellationToken).ConfigureAwait(false);
        var client = await records.GetAsync<Reflection>(e.Id, EngagementRecords.ReflectionOf(Actor.Client), cancellationToken).ConfigureAwait(false);
        return model with { CoachReflection = Lines(Actor.Coach, coach), ClientReflection = Lines(Actor.Client, client), ClientNote = client?.Note };
    }

    private static List<ReflectionLine> Lines(Actor who, Reflection? reflection)
    {
        var lines = ReflectionQuestions.For(who)
            .Select(q => new ReflectionLine(q.Text, reflection?.Answers.GetValueOrDefault(q.Id) ?? "not answered"))
            .ToList();
        lines.Add(new ReflectionLine("Decision", reflection is null ? "no answer" : reflection.Yes ? "yes" : "no"));
        return lines;
    }

    private async Task<(string? Note, string? Referral)> TriageNoteAsync(Engagement e, CancellationToken cancellationToken)
    {
        var triage = await records.GetAsync<TriageRecord>(e.Id, EngagementRecords.Triage, cancellationToken).ConfigureAwait(false);
        return (triage?.Note, triage?.Referral);
    }

    private async Task<(string? Note, string? Referral)> ReflectionNoteAsync(Engagement e, CancellationToken cancellationToken)
    {
        var reflection = await records.GetAsync<Reflection>(e.Id, EngagementRecords.ReflectionOf(Actor.Coach), cancellationToken).ConfigureAwait(false);
        return (reflection?.Note, reflection?.Referral);
    }

    private static string When(ChemistrySession session, string timeZone) =>
        SlotFormat.ForPeople(BookingPage.ToSlot(session), DateTimeZoneProviders.Tzdb[timeZone]);

    /// <summary>"the deadline" for a wait that started now, in the reader's zone.</summary>
    private string Until(TimeSpan remaining, string timeZone) => Until(clock.GetUtcNow() + remaining, timeZone);

    private static string Until(DateTimeOffset deadline, string timeZone) =>
        Deadline.Format(Instant.FromDateTimeOffset(deadline).InZone(DateTimeZoneProviders.Tzdb[timeZone]));

    private Task ToClientAsync(Engagement e, string template, LifecycleEmailModel model, IReadOnlyList<EmailLink> emailLinks, CancellationToken cancellationToken, string? keySuffix = null) =>
        mailer.SendOnceAsync(e.Id, ToClient(e, Key(template, keySuffix), template, model, emailLinks), cancellationToken);

    /// <summary>An email to the client alone, at the address they gave.</summary>
    private static Delivery ToClient(Engagement e, string key, string template, LifecycleEmailModel model, IReadOnlyList<EmailLink> emailLinks) =>
        new(key, template, Actor.Client, e.Intake.Email, model, emailLinks, []);

    private Task ToCoachAsync(Engagement e, string template, LifecycleEmailModel model, IReadOnlyList<EmailLink> emailLinks, CancellationToken cancellationToken, string? keySuffix = null) =>
        mailer.SendOnceAsync(e.Id, new Delivery(Key(template, keySuffix), template, Actor.Coach, Coach.Email, model, emailLinks, []), cancellationToken);

    private static string Key(string template, string? suffix) =>
        suffix is null ? $"email-{template}" : string.Create(CultureInfo.InvariantCulture, $"email-{template}-{suffix}");
}
