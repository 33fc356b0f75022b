using System.Net;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Tests.TestSupport;
using Ical.Net;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// The paths of DESIGN §1 that end by someone's decision, on the real Durable Task engine, driven
/// through the links in the emails. The coach's "Session held" link moves past the session.
/// </summary>
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
    public async Task Contracted_from_intake_to_signed_agreement_with_the_session_marked_held()
    {
        await _drive.StartAsync(therapy: "yes");
        await _drive.WaitForStageAsync(Stage.AwaitingCoachTriage);
        var inquiry = await _drive.EmailAsync(CoachInbox, "New enquiry: Ada Lovelace");
        Assert.Equal(["Invite to a chemistry session", "Decline kindly", "This enquiry's data"], inquiry.Links.Select(l => l.Label));
        Assert.Contains("Currently working with a mental-health professional", inquiry.Text, StringComparison.Ordinal);
        Assert.Contains("whether they have discussed coaching with their therapist", inquiry.Text, StringComparison.Ordinal);
        var acknowledgement = await _drive.EmailAsync(ClientInbox, "Thank you for getting in touch");
        Assert.Contains("Ada Lovelace", acknowledgement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("mental-health", acknowledgement.Text, StringComparison.Ordinal);

        await _drive.InviteAsync();
        await _drive.BookFirstSlotAsync();
        var confirmation = await _drive.EmailAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is booked");
        Assert.Equal("REQUEST", Calendar.Load(confirmation.Attachments[0].Content)!.Method);
        var booked = await _drive.EmailAsync(CoachInbox, "Chemistry session booked: Ada Lovelace");
        Assert.Equal(["Video call", "Session held", "No-show"], booked.Links.Select(l => l.Label));

        await _drive.HoldSessionAsync();
        await _drive.EmailAsync(CoachInbox, "Your reflection on Ada Lovelace");
        Assert.Equal(HttpStatusCode.OK, (await _drive.ReflectAsync(Actor.Client, "yes", ("safe", "yes"), ("note", "Felt easy to talk to."))).StatusCode);
        Assert.Equal(Stage.AwaitingDecisions, await _drive.StageAsync());
        Assert.Equal(HttpStatusCode.OK, (await _drive.ReflectAsync(Actor.Coach, "yes", ("engaged", "yes"))).StatusCode);
        await _drive.WaitForStageAsync(Stage.AwaitingAgreement);
        var record = await _drive.EmailAsync(CoachInbox, "You both said yes: Ada Lovelace");
        Assert.Contains("Do I feel safe with this coach? yes", record.Text, StringComparison.Ordinal);
        Assert.Contains("Felt easy to talk to.", record.Text, StringComparison.Ordinal);

        var agreement = await _drive.LinkAsync(ClientInbox, "You both said yes", "Read and accept the agreement");
        var accepted = await _drive.PostAsync(agreement, ("accept", "yes"), ("signature", "Ada King Lovelace"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        await _drive.WaitForStageAsync(Stage.Contracted);
        await _drive.EmailAsync(ClientInbox, "Welcome: your coaching with Sam Rivers Coaching is agreed");
        Assert.Contains("signed \"Ada King Lovelace\"", (await _drive.EmailAsync(CoachInbox, "Agreement accepted: Ada Lovelace")).Text, StringComparison.Ordinal);

        var signature = await App.Get<EngagementRecords>().GetAsync<AgreementSignature>(_drive.Id, EngagementRecords.Agreement, Ct);
        Assert.Equal("Ada King Lovelace", signature!.SignedName);
        Assert.Equal(
            ["Received", "AwaitingCoachTriage", "AwaitingBooking", "ChemistryScheduled", "AwaitingDecisions", "AwaitingAgreement", "Contracted"],
            await _drive.StagesRecordedAsync());
        var timeline = await _drive.TimelineAsync();
        Assert.Contains(timeline, e => e.Kind == "Stage" && e.Summary == "Stage: AwaitingDecisions" && e.Actor == Actor.Coach);
        Assert.Contains(timeline, e => e.Kind == "Chemistry" && e.Summary == "The coach marked the chemistry session as held");
        Assert.Contains(timeline, e => e.Kind == "Decision" && e.Actor == Actor.Coach);
        Assert.Contains(timeline, e => e.Kind == "Agreement" && e.Summary == "The client accepted the agreement" && e.Actor == Actor.Client);
        Assert.Contains(timeline, e => e.Kind == "Email" && e.Summary.Contains("Welcome", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_coach_declines_at_triage_with_a_note_and_a_referral()
    {
        await _drive.StartAsync();
        var decline = await _drive.LinkAsync(CoachInbox, "New enquiry", "Decline");

        await _drive.PostAsync(decline, ("note", "Your goals sound like a job for a career specialist."), ("referral", "Jo Park, career coach"));

        await _drive.WaitForStageAsync(Stage.Declined);
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

        await _drive.WaitForStageAsync(Stage.NotCompatible);
        var thanks = (await _drive.EmailAsync(ClientInbox, "Thank you for your honesty")).Text;
        Assert.Contains("takes some courage", thanks, StringComparison.Ordinal);
        Assert.Contains("these people may be worth a conversation:\n- Alex Moreno, career transitions coach", thanks, StringComparison.Ordinal);
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

        await _drive.WaitForStageAsync(Stage.NotCompatible);
        var email = await _drive.EmailAsync(ClientInbox, "Thank you for our conversation");
        Assert.Contains("I don't have the depth in grief work you deserve.", email.Text, StringComparison.Ordinal);
        Assert.Contains("- Dr Lee, grief specialist", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.Contains("agreement", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_cancelled_session_withdraws_the_engagement_and_cancels_the_invitation()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await _drive.BookFirstSlotAsync();
        var cancel = await _drive.LinkAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is booked", "Cancel the session");

        await _drive.PostAsync(cancel);

        await _drive.WaitForStageAsync(Stage.Withdrawn);
        var cancelled = await _drive.EmailAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is cancelled");
        Assert.Equal("CANCEL", Calendar.Load(cancelled.Attachments[0].Content)!.Method);
        await _drive.EmailAsync(CoachInbox, "Chemistry session cancelled: Ada Lovelace");
    }

    [Fact]
    public async Task A_no_show_frees_the_slot_and_offers_one_fresh_booking_that_goes_on_to_the_decisions()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        var first = await _drive.BookFirstSlotAsync();
        var noShow = await _drive.CoachSessionLinkAsync("No-show");
        Assert.Contains("Did Ada Lovelace not come", await Client.GetStringAsync(noShow, Ct), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await _drive.PostAsync(noShow)).StatusCode);

        await _drive.WaitForStageAsync(Stage.AwaitingBooking);
        var missed = await _drive.EmailAsync(ClientInbox, "We missed you");
        Assert.DoesNotContain(await App.Get<SlotReservationStore>().ListAsync("sam-rivers", NodaTime.Instant.FromDateTimeOffset(first).PlusTicks(-1), NodaTime.Instant.FromDateTimeOffset(first).PlusTicks(1), Ct), s => s.Start.ToDateTimeOffset() == first);
        Assert.Contains("already recorded", await (await _drive.PostAsync(noShow)).Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);

        var again = await _drive.BookAsync(missed.Links.Single(l => l.Label == "Choose a new time").Url.PathAndQuery, notBefore: first);
        Assert.Equal(first, again);
        await _drive.EventuallyAsync(async () => (await _drive.EmailsToAsync(CoachInbox)).Count(e => e.Subject == "Chemistry session booked: Ada Lovelace") == 2, "a second booking email to the coach");
        await _drive.HoldSessionAsync(booking: 2);
        Assert.Equal(
            ["Received", "AwaitingCoachTriage", "AwaitingBooking", "ChemistryScheduled", "AwaitingBooking", "ChemistryScheduled", "AwaitingDecisions"],
            await _drive.StagesRecordedAsync());
    }

    [Fact]
    public async Task A_second_no_show_closes_the_engagement_kindly()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        await _drive.BookFirstSlotAsync();
        await _drive.PostAsync(await _drive.CoachSessionLinkAsync("No-show"));
        await _drive.WaitForStageAsync(Stage.AwaitingBooking);
        await _drive.BookAsync((await _drive.EmailAsync(ClientInbox, "We missed you")).Links.Single(l => l.Label == "Choose a new time").Url.PathAndQuery);

        await _drive.PostAsync(await _drive.CoachSessionLinkAsync("No-show", booking: 2));

        await _drive.WaitForStageAsync(Stage.Withdrawn);
        Assert.Contains("The door stays open", (await _drive.EmailAsync(ClientInbox, "Closing our conversation for now")).Text, StringComparison.Ordinal);
        await _drive.EmailAsync(CoachInbox, "Closed after a second no-show: Ada Lovelace");
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.StartsWith("We missed you", StringComparison.Ordinal));
    }
}
