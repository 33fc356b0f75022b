using System.Net;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Tests.TestSupport;
using Ical.Net;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>Every path of DESIGN §1, driven under the fake clock through links in the emails.</summary>
public sealed class LifecyclePathTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    private const string ClientInbox = LifecycleDriver.ClientEmail;
    private const string CoachInbox = LifecycleDriver.CoachEmail;

    private LifecycleDriver _drive = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _drive = new LifecycleDriver(App, Client);
    }

    [Fact]
    public async Task Contracted_from_intake_to_signed_agreement()
    {
        await _drive.StartAsync(therapy: "yes");
        Assert.Equal(Stage.AwaitingCoachTriage, await _drive.StageAsync());
        Assert.Contains("Ada Lovelace", (await _drive.EmailAsync(ClientInbox, "Thank you for getting in touch")).Text, StringComparison.Ordinal);
        var inquiry = await _drive.EmailAsync(CoachInbox, "New enquiry: Ada Lovelace");
        Assert.Equal(["Invite to a chemistry session", "Decline kindly"], inquiry.Links.Select(l => l.Label));
        Assert.Contains("Currently working with a mental-health professional", inquiry.Text, StringComparison.Ordinal);
        Assert.Contains("whether they have discussed coaching with their therapist", inquiry.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mental-health", (await _drive.EmailAsync(ClientInbox, "Thank you for getting in touch")).Text, StringComparison.Ordinal);

        await _drive.InviteAsync();
        Assert.Equal(Stage.AwaitingBooking, await _drive.StageAsync());

        var start = await _drive.BookFirstSlotAsync();
        Assert.Equal(Stage.ChemistryScheduled, await _drive.StageAsync());
        var confirmation = await _drive.EmailAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is booked");
        Assert.Equal("REQUEST", Calendar.Load(confirmation.Attachments[0].Content)!.Method);
        Assert.Single(await _drive.EmailsToAsync(CoachInbox), e => e.Subject == "Chemistry session booked: Ada Lovelace");

        await _drive.AdvanceToAsync(start.AddHours(-24));
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.StartsWith("See you soon", StringComparison.Ordinal));
        Assert.Single(await _drive.EmailsToAsync(CoachInbox), e => e.Subject == "Chemistry session soon: Ada Lovelace");
        Assert.Equal(Stage.ChemistryScheduled, await _drive.StageAsync());

        await _drive.AdvanceToAsync(start.AddMinutes(31));
        Assert.Equal(Stage.AwaitingDecisions, await _drive.StageAsync());

        Assert.Equal(HttpStatusCode.OK, (await _drive.ReflectAsync(Actor.Client, "yes", ("safe", "yes"), ("note", "Felt easy to talk to."))).StatusCode);
        Assert.Equal(Stage.AwaitingDecisions, await _drive.StageAsync());
        Assert.Equal(HttpStatusCode.OK, (await _drive.ReflectAsync(Actor.Coach, "yes", ("engaged", "yes"))).StatusCode);
        Assert.Equal(Stage.AwaitingAgreement, await _drive.StageAsync());
        var record = await _drive.EmailAsync(CoachInbox, "You both said yes: Ada Lovelace");
        Assert.Contains("Do I feel safe with this coach? yes", record.Text, StringComparison.Ordinal);
        Assert.Contains("Felt easy to talk to.", record.Text, StringComparison.Ordinal);

        var agreement = await _drive.LinkAsync(ClientInbox, "You both said yes", "Read and accept the agreement");
        var accepted = await _drive.PostAsync(agreement, ("accept", "yes"), ("signature", "Ada King Lovelace"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(Stage.Contracted, await _drive.StageAsync());
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject == "Welcome: your coaching with Sam Rivers Coaching is agreed");
        Assert.Contains("signed \"Ada King Lovelace\"", (await _drive.EmailAsync(CoachInbox, "Agreement accepted: Ada Lovelace")).Text, StringComparison.Ordinal);

        var signature = await App.Get<EngagementRecords>().GetAsync<AgreementSignature>(_drive.Id, EngagementRecords.Agreement, Ct);
        Assert.Equal("Ada King Lovelace", signature!.SignedName);
        Assert.Equal(App.Clock.GetUtcNow(), signature.At);
        Assert.Equal(
            ["Received", "AwaitingCoachTriage", "AwaitingBooking", "ChemistryScheduled", "AwaitingDecisions", "AwaitingAgreement", "Contracted"],
            await _drive.StagesRecordedAsync());
        Assert.Contains(await _drive.TimelineAsync(), e => e.Kind == "Decision" && e.Actor == Actor.Coach);
        Assert.Contains(await _drive.TimelineAsync(), e => e.Kind == "Email" && e.Summary.Contains("Welcome", StringComparison.Ordinal));
        // DESIGN §2.2: workflow history is stored in plain tables, so it must hold no personal data.
        var history = System.Text.Json.JsonSerializer.Serialize(await App.Get<LocalHost.Workflow.LocalWorkflowRuntime>().GetHistoryAsync(_drive.Id.Value, Ct));
        foreach (var personal in new[] { "Ada", "Lovelace", "ada@example.com", "reorganisation", "Felt easy to talk to" })
        {
            Assert.DoesNotContain(personal, history, StringComparison.OrdinalIgnoreCase);
        }

        await WorkflowVersioningTests.RecordIfAskedAsync(App, _drive.Id, "contracted");
    }

    [Fact]
    public async Task The_coach_declines_at_triage_with_a_note_and_a_referral()
    {
        await _drive.StartAsync();
        var decline = await _drive.LinkAsync(CoachInbox, "New enquiry", "Decline");

        await _drive.PostAsync(decline, ("note", "Your goals sound like a job for a career specialist."), ("referral", "Jo Park, career coach"));

        Assert.Equal(Stage.Declined, await _drive.StageAsync());
        var email = await _drive.EmailAsync(ClientInbox, "Thank you for getting in touch with Sam Rivers Coaching");
        Assert.Contains("Your goals sound like a job for a career specialist.", email.Text, StringComparison.Ordinal);
        Assert.Contains("- Jo Park, career coach\n- Alex Moreno", email.Text, StringComparison.Ordinal);
        Assert.Equal(["Received", "AwaitingCoachTriage", "Declined"], await _drive.StagesRecordedAsync());
        Assert.DoesNotContain(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.Contains("would love to meet you", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_client_says_no_and_is_thanked_for_their_honesty()
    {
        await _drive.StartAsync();
        await _drive.ThroughSessionAsync();

        await _drive.ReflectAsync(Actor.Client, "no", ("note", "I think I need someone with a finance background."));

        Assert.Equal(Stage.NotCompatible, await _drive.StageAsync());
        Assert.Contains("takes some courage", (await _drive.EmailAsync(ClientInbox, "Thank you for your honesty")).Text, StringComparison.Ordinal);
        var coach = await _drive.EmailAsync(CoachInbox, "Not a fit: Ada Lovelace");
        Assert.Contains("Ada Lovelace said no", coach.Text, StringComparison.Ordinal);
        Assert.Contains("I think I need someone with a finance background.", coach.Text, StringComparison.Ordinal);
        Assert.Equal("NotCompatible", (await _drive.StagesRecordedAsync())[^1]);
    }

    [Fact]
    public async Task The_coach_says_no_without_waiting_for_the_client()
    {
        await _drive.StartAsync();
        await _drive.ThroughSessionAsync();

        await _drive.ReflectAsync(Actor.Coach, "no", ("note", "I don't have the depth in grief work you deserve."), ("referral", "Dr Lee, grief specialist"));

        Assert.Equal(Stage.NotCompatible, await _drive.StageAsync());
        var email = await _drive.EmailAsync(ClientInbox, "Thank you for our conversation");
        Assert.Contains("I don't have the depth in grief work you deserve.", email.Text, StringComparison.Ordinal);
        Assert.Contains("- Dr Lee, grief specialist", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.Contains("agreement", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Triage_reminds_the_coach_then_expires_with_a_gentle_close()
    {
        await _drive.StartAsync();

        await _drive.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Single(await _drive.EmailsToAsync(CoachInbox), e => e.Subject == "Ada Lovelace is waiting to hear from you");
        await _drive.AdvanceAsync(TimeSpan.FromDays(5));

        Assert.Equal(Stage.Expired, await _drive.StageAsync());
        var close = await _drive.EmailAsync(ClientInbox, "Sorry we couldn't reply in time");
        Assert.Contains("The door stays open", close.Text, StringComparison.Ordinal);
        Assert.Single(await _drive.EmailsToAsync(CoachInbox), e => e.Subject == "Closed for now: Ada Lovelace");
    }

    [Fact]
    public async Task Booking_reminds_the_client_then_expires()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();

        await _drive.AdvanceAsync(TimeSpan.FromDays(3));
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.StartsWith("A gentle reminder: choose a time", StringComparison.Ordinal));
        await _drive.AdvanceAsync(TimeSpan.FromDays(4));

        Assert.Equal(Stage.Expired, await _drive.StageAsync());
        Assert.Contains("closing the invitation for now", (await _drive.EmailAsync(ClientInbox, "Closing our conversation for now")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Decisions_remind_only_the_silent_side_then_expire()
    {
        await _drive.StartAsync();
        await _drive.ThroughSessionAsync();
        await _drive.ReflectAsync(Actor.Client, "yes");

        await _drive.AdvanceAsync(TimeSpan.FromDays(2));
        Assert.Single(await _drive.EmailsToAsync(CoachInbox), e => e.Subject == "Reminder: your reflection on Ada Lovelace");
        Assert.DoesNotContain(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.StartsWith("A gentle reminder: your reflection", StringComparison.Ordinal));
        await _drive.AdvanceAsync(TimeSpan.FromDays(5));

        Assert.Equal(Stage.Expired, await _drive.StageAsync());
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject == "Closing our conversation for now");
    }

    [Fact]
    public async Task An_unaccepted_agreement_lapses_after_a_reminder()
    {
        await _drive.StartAsync();
        await _drive.ThroughSessionAsync();
        await _drive.ReflectAsync(Actor.Client, "yes");
        await _drive.ReflectAsync(Actor.Coach, "yes");

        await _drive.AdvanceAsync(TimeSpan.FromDays(5));
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.StartsWith("A gentle reminder: your coaching agreement", StringComparison.Ordinal));
        await _drive.AdvanceAsync(TimeSpan.FromDays(9));

        Assert.Equal(Stage.AgreementLapsed, await _drive.StageAsync());
        Assert.Contains("the offer has lapsed", (await _drive.EmailAsync(ClientInbox, "Your coaching agreement with Sam Rivers Coaching")).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rescheduled_session_sends_an_update_and_the_reminder_follows_the_new_time()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        var first = await _drive.BookFirstSlotAsync();
        var reschedule = await _drive.LinkAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is booked", "Choose a new time");
        var later = first.AddDays(1);
        while (await _drive.PostAsync(reschedule, ("slot", later.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))) is { StatusCode: not HttpStatusCode.SeeOther })
        {
            later = later.AddMinutes(45);
        }

        var moved = await _drive.EmailAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching has moved");
        Assert.Equal(1, Calendar.Load(moved.Attachments[0].Content)!.Events.Single().Sequence);
        await _drive.AdvanceToAsync(first.AddMinutes(31));
        Assert.Equal(Stage.ChemistryScheduled, await _drive.StageAsync());
        await _drive.AdvanceToAsync(later.AddMinutes(31));
        Assert.Equal(Stage.AwaitingDecisions, await _drive.StageAsync());
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.StartsWith("See you soon", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_session_withdraws_the_engagement_and_cancels_the_invitation()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await _drive.BookFirstSlotAsync();
        var cancel = await _drive.LinkAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is booked", "Cancel the session");

        await _drive.PostAsync(cancel);

        Assert.Equal(Stage.Withdrawn, await _drive.StageAsync());
        var cancelled = await _drive.EmailAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is cancelled");
        Assert.Equal("CANCEL", Calendar.Load(cancelled.Attachments[0].Content)!.Method);
        Assert.Single(await _drive.EmailsToAsync(CoachInbox), e => e.Subject == "Chemistry session cancelled: Ada Lovelace");
    }
}
