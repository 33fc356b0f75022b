using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Email;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Ical.Net;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CoachFlow.Tests.Scheduling;

public sealed class ChemistryConfirmationTests() : AppTest(new CoachFlowApp(fakeClock: true))
{
    private static readonly Slot First = new(Instant.FromUtc(2026, 11, 25, 13, 0), Instant.FromUtc(2026, 11, 25, 13, 30));
    private static readonly Slot Second = new(Instant.FromUtc(2026, 11, 25, 13, 45), Instant.FromUtc(2026, 11, 25, 14, 15));

    [Fact]
    public async Task A_booking_sends_client_and_coach_an_invitation_once()
    {
        var id = await BookedEngagementAsync("Ada Lovelace");

        await App.Get<ChemistryConfirmation>().SendAsync(id, Ct);
        await App.Get<ChemistryConfirmation>().SendAsync(id, Ct);

        var emails = await CalendarEmailsAsync();
        Assert.Equal(2, emails.Count);
        var client = emails.Single(e => e.To == "ada@example.com");
        Assert.Equal("Your chemistry session with Sam Rivers Coaching is booked", client.Subject);
        Assert.Contains("Wednesday 25 November 2026, 05:00–05:30 (America/Los_Angeles)", client.Text, StringComparison.Ordinal);
        Assert.Equal(["Join the video call", "Choose a new time", "Cancel the session", "Your data"], client.Links.Select(l => l.Label));
        Assert.StartsWith("http://localhost:7071/book/", client.Links[1].Url.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost:7071/act/", client.Links[2].Url.ToString(), StringComparison.Ordinal);
        var coach = emails.Single(e => e.To == "sam@coach.example");
        Assert.Equal("Chemistry session booked: Ada Lovelace", coach.Subject);
        Assert.Contains("Wednesday 25 November 2026, 13:00–13:30 (Europe/London)", coach.Text, StringComparison.Ordinal);

        var invite = Calendar.Load(Assert.Single(client.Attachments).Content)!;
        Assert.Equal("REQUEST", invite.Method);
        Assert.Equal(First.Start.ToDateTimeUtc(), invite.Events.Single().DtStart!.AsUtc);
        Assert.Equal(Assert.Single(coach.Attachments).Content, client.Attachments[0].Content);
    }

    [Fact]
    public async Task A_reschedule_and_a_cancellation_each_send_updates_with_a_growing_sequence()
    {
        var id = await BookedEngagementAsync("Ada Lovelace");
        var scheduler = App.Get<ChemistryScheduler>();
        var confirmation = App.Get<ChemistryConfirmation>();
        await confirmation.SendAsync(id, Ct);

        await scheduler.BookAsync(id, Second, reschedule: true, App.Get<DurableTaskClient>(), Ct);
        await confirmation.SendAsync(id, Ct);
        await scheduler.CancelAsync(id, App.Get<DurableTaskClient>(), Ct);
        await confirmation.SendAsync(id, Ct);

        var toClient = (await CalendarEmailsAsync()).Where(e => e.To == "ada@example.com").OrderBy(e => e.SentAt).ThenBy(e => Calendar.Load(e.Attachments[0].Content)!.Events.Single().Sequence).ToList();
        Assert.Equal(
            ["Your chemistry session with Sam Rivers Coaching is booked", "Your chemistry session with Sam Rivers Coaching has moved", "Your chemistry session with Sam Rivers Coaching is cancelled"],
            toClient.Select(e => e.Subject));
        var calendars = toClient.Select(e => Calendar.Load(e.Attachments[0].Content)!).ToList();
        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], calendars.Select(c => c.Method));
        Assert.Equal([0, 1, 2], calendars.Select(c => c.Events.Single().Sequence));
        Assert.Single(calendars.Select(c => c.Events.Single().Uid).Distinct());
        Assert.Equal(Second.Start.ToDateTimeUtc(), calendars[1].Events.Single().DtStart!.AsUtc);
    }

    [Fact]
    public async Task Client_input_is_encoded_in_the_html_of_every_email()
    {
        var id = await BookedEngagementAsync("<script>alert(1)</script>");

        await App.Get<ChemistryConfirmation>().SendAsync(id, Ct);

        foreach (var email in await App.Get<OutboxStore>().ListAsync(Ct))
        {
            Assert.DoesNotContain("<script>", email.Html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        }
    }

    /// <summary>The emails with a calendar attached: the engagement's workflow sends its own emails meanwhile.</summary>
    private async Task<List<OutboxEmail>> CalendarEmailsAsync() =>
        [.. (await App.Get<OutboxStore>().ListAsync(Ct)).Where(e => e.Attachments.Count > 0)];

    private async Task<EngagementId> BookedEngagementAsync(string name)
    {
        var body = SampleIntake.Json();
        body["name"] = name;
        var accepted = await (await SampleIntake.PostJsonAsync(Client, body)).Content.ReadFromJsonAsync<JsonObject>(Ct);
        Assert.True(EngagementId.TryParse(accepted!["engagementId"]!.GetValue<string>(), out var id));

        // Booking opens once the client is invited, moving or cancelling once the session is booked. The workflow
        // waits for a triage that never comes, so these tests set those stages and send the calendar emails themselves.
        await new LifecycleDriver(App, Client).Following(id).WaitForStageAsync(Stage.AwaitingCoachTriage);
        var store = App.Get<EngagementStore>();
        await store.UpdateAsync(id, e => e with { Stage = Stage.AwaitingBooking }, Ct);
        var result = await App.Get<ChemistryScheduler>().BookAsync(id, First, reschedule: false, App.Get<DurableTaskClient>(), Ct);
        Assert.Equal(BookingStatus.Booked, result.Status);
        await store.UpdateAsync(id, e => e with { Stage = Stage.ChemistryScheduled }, Ct);
        return id;
    }
}
