using System.Net;
using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Tests.TestSupport;
using Ical.Net;
using NodaTime;

namespace CoachFlow.Tests.Lifecycle;

/// <summary>
/// The coach withdraws an engagement from the workspace, on the real engine: whatever the workflow was waiting for,
/// it ends <see cref="Stage.Withdrawn"/> by the coach's hand, the client gets a kind note with the coach's words and
/// referrals, a booked session is cancelled for both and its slot freed, and the links the client and coach still
/// hold say the engagement has moved on.
/// </summary>
public sealed class WithdrawalTests() : AppTest(new CoachFlowApp(), followRedirects: false)
{
    private const string ClientInbox = LifecycleDriver.ClientEmail;
    private const string CoachInbox = LifecycleDriver.CoachEmail;
    private const string Closing = "Closing your enquiry with Sam Rivers Coaching";

    private LifecycleDriver _drive = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _drive = new LifecycleDriver(App, Client);
    }

    [Fact]
    public async Task Withdrawing_a_new_enquiry_ends_it_by_the_coach_and_sends_the_client_the_note_and_referral()
    {
        await _drive.StartAsync();
        await _drive.WaitForStageAsync(Stage.AwaitingCoachTriage);
        var invite = await _drive.LinkAsync(CoachInbox, "New enquiry", "Invite");

        using var withdrawn = await _drive.WithdrawAsync(("note", "I am not taking on new clients until the spring."), ("referral", "Jo Park, career coach"));

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Contains("Enquiry withdrawn", await withdrawn.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await _drive.WaitForStageAsync(Stage.Withdrawn);
        var email = await _drive.EmailAsync(ClientInbox, Closing);
        Assert.Contains("\"I am not taking on new clients until the spring.\"", email.Text, StringComparison.Ordinal);
        Assert.Contains("- Jo Park, career coach\n- Alex Moreno", email.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("chemistry session is cancelled", email.Text, StringComparison.Ordinal);
        Assert.Equal(["Received", "AwaitingCoachTriage", "Withdrawn"], await _drive.StagesRecordedAsync());
        var timeline = await _drive.TimelineAsync();
        Assert.Contains(timeline, e => e.Summary == "Stage: Withdrawn" && e.Actor == Actor.Coach);
        Assert.Contains(timeline, e => e.Summary == "Coach withdrew the engagement" && e.Actor == Actor.Coach);

        using var lateInvite = await _drive.PostAsync(invite);
        Assert.Equal(HttpStatusCode.Conflict, lateInvite.StatusCode);
        await _drive.EndAsync();
        Assert.DoesNotContain(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.Contains("would love to meet you", StringComparison.Ordinal));
        Assert.Equal(["New enquiry: Ada Lovelace"], (await _drive.EmailsToAsync(CoachInbox)).Select(e => e.Subject));
    }

    [Fact]
    public async Task Withdrawing_a_booked_session_cancels_it_for_both_and_frees_its_slot()
    {
        await _drive.StartAsync();
        await _drive.InviteAsync();
        var start = await _drive.BookFirstSlotAsync();
        var reschedule = await _drive.LinkAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is booked", "Choose a new time");

        using var withdrawn = await _drive.WithdrawAsync();

        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        await _drive.WaitForStageAsync(Stage.Withdrawn);
        var cancelled = await _drive.EmailAsync(ClientInbox, "Your chemistry session with Sam Rivers Coaching is cancelled");
        Assert.Equal("CANCEL", Calendar.Load(cancelled.Attachments[0].Content)!.Method);
        Assert.Equal("CANCEL", Calendar.Load((await _drive.EmailAsync(CoachInbox, "Chemistry session cancelled: Ada Lovelace")).Attachments[0].Content)!.Method);
        Assert.Contains("Your chemistry session is cancelled too", (await _drive.EmailAsync(ClientInbox, Closing)).Text, StringComparison.Ordinal);
        var slot = Instant.FromDateTimeOffset(start);
        Assert.Empty(await App.Get<SlotReservationStore>().ListAsync("sam-rivers", slot, slot.PlusTicks(1), Ct));
        Assert.True((await App.Get<EngagementStore>().GetAsync(_drive.Id, Ct))!.Chemistry!.Cancelled);
        Assert.Contains(await _drive.TimelineAsync(), e => e.Summary == "The chemistry session was cancelled with the engagement" && e.Actor == Actor.Coach);
        using var moved = await Client.GetAsync(reschedule, Ct);
        Assert.Equal(HttpStatusCode.Gone, moved.StatusCode);
        Assert.Contains("no longer open for booking", await moved.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawal_while_the_reflections_come_in_ends_it_without_an_agreement()
    {
        await _drive.StartAsync();
        await _drive.ThroughSessionAsync();
        await _drive.ReflectAsync(Actor.Client, "yes");

        await _drive.WithdrawAsync(("note", "After our session I realised I can't give you the time you deserve."));

        await _drive.WaitForStageAsync(Stage.Withdrawn);
        await _drive.EmailAsync(ClientInbox, Closing);
        using var coachReflection = await _drive.ReflectAsync(Actor.Coach, "yes");
        Assert.Equal(HttpStatusCode.Conflict, coachReflection.StatusCode);
        await _drive.EndAsync();
        Assert.DoesNotContain(await _drive.EmailsToAsync(ClientInbox), e => e.Subject.Contains("agreement", StringComparison.OrdinalIgnoreCase) || e.Subject.StartsWith("You both said yes", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_second_withdrawal_changes_nothing_and_an_ended_engagement_offers_none()
    {
        await _drive.StartAsync();
        await _drive.WaitForStageAsync(Stage.AwaitingCoachTriage);
        await _drive.WithdrawAsync(("note", "First thoughts."));
        await _drive.WaitForStageAsync(Stage.Withdrawn);

        using var again = await _drive.WithdrawAsync(("note", "Second thoughts."));

        var page = await again.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Already withdrawn", page, StringComparison.Ordinal);
        Assert.Contains("Your note: First thoughts.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Withdraw the enquiry", page, StringComparison.Ordinal);
        await _drive.EndAsync();
        Assert.Single(await _drive.EmailsToAsync(ClientInbox), e => e.Subject == Closing);

        var declined = new LifecycleDriver(App, Client);
        await declined.StartAsync(name: "Grace Hopper", email: "grace@example.com");
        await declined.PostAsync(await declined.LinkAsync(CoachInbox, "New enquiry", "Decline"));
        await declined.WaitForStageAsync(Stage.Declined);
        Assert.DoesNotContain("Withdraw the enquiry", await Client.GetStringAsync($"/coach/engagements/{declined.Id.Value}", Ct), StringComparison.Ordinal);
        using var afterTheEnd = await declined.WithdrawAsync();
        Assert.Equal(HttpStatusCode.Conflict, afterTheEnd.StatusCode);
        Assert.Contains("This engagement has ended", await afterTheEnd.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Null(await App.Get<EngagementRecords>().GetAsync<WithdrawalRecord>(declined.Id, EngagementRecords.Withdrawal, Ct));
        Assert.DoesNotContain(await declined.EmailsToAsync("grace@example.com"), e => e.Subject == Closing);
    }
}
