using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CoachFlow.Domain.Engagements;
using CoachFlow.Domain.Lifecycle;
using CoachFlow.Domain.Scheduling;
using CoachFlow.Infrastructure.Configuration;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Links;
using CoachFlow.Infrastructure.Scheduling;
using CoachFlow.Infrastructure.Timeline;
using CoachFlow.Tests.Lifecycle;
using CoachFlow.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CoachFlow.Tests.Scheduling;

/// <summary>
/// The sample coach (Europe/London; Wednesdays 13:00-18:00, 30-minute sessions, 15-minute buffer,
/// 24 h notice) seen by a client in America/Los_Angeles, with the fake clock at Tuesday 24 Nov 2026 09:00 UTC.
/// </summary>
public sealed class BookingApiTests() : AppTest(new CoachFlowApp(fakeClock: true), followRedirects: false)
{
    private const string Unreadable = "Please choose one of the times below.";
    private const string NotOffered = "That is not a time we offer. Please choose one of the times below.";

    private const string FirstSlot = "2026-11-25T13:00:00Z";
    private const string SecondSlot = "2026-11-25T13:45:00Z";

    private EngagementId _id;
    private string _bookToken = string.Empty;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _id = await NewEngagementAsync("America/Los_Angeles");
        _bookToken = Token(App.Get<PublicLinks>().Book(_id));
    }

    [Fact]
    public async Task Json_lists_exactly_the_generated_free_slots_in_utc()
    {
        var json = await GetJsonAsync($"/book/{_bookToken}");

        var expected = SlotGenerator.Bookable(CoachAvailability.From(App.Get<IOptions<CoachFlowOptions>>().Value.Coach), Instant.FromDateTimeOffset(CoachFlowApp.Start), [])
            .Select(s => SlotFormat.ToUtc(s.Start));
        Assert.Equal(expected, json["slots"]!.AsArray().Select(s => s!["start"]!.GetValue<string>()));
        Assert.Equal(FirstSlot, json["slots"]![0]!["start"]!.GetValue<string>());
        Assert.Equal("2026-11-25T13:30:00Z", json["slots"]![0]!["end"]!.GetValue<string>());
        Assert.Equal("America/Los_Angeles", json["timeZone"]!.GetValue<string>());
        Assert.Null(json["booked"]);
    }

    [Fact]
    public async Task The_page_groups_slots_by_day_in_the_clients_zone_and_the_zone_can_be_changed()
    {
        var pacific = await Client.GetStringAsync($"/book/{_bookToken}", Ct);
        var london = await Client.GetStringAsync($"/book/{_bookToken}?tz=Europe/London", Ct);

        Assert.Contains("value=\"America/Los_Angeles\"", pacific, StringComparison.Ordinal);
        Assert.Contains("<h2>Wednesday 25 November 2026</h2>", pacific, StringComparison.Ordinal);
        Assert.Contains($"value=\"{FirstSlot}\" aria-label=\"Wednesday 25 November 2026, 05:00–05:30\">05:00–05:30</button>", pacific, StringComparison.Ordinal);
        Assert.Contains($"value=\"{FirstSlot}\" aria-label=\"Wednesday 25 November 2026, 13:00–13:30\">13:00–13:30</button>", london, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Booking_reserves_the_slot_and_records_it()
    {
        var response = await PostSlotAsync(_bookToken, FirstSlot);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"/book/{_bookToken}", response.Headers.Location!.ToString());
        var engagement = await App.Get<EngagementStore>().GetAsync(_id, Ct);
        Assert.Equal(new ChemistrySession(At(FirstSlot), At("2026-11-25T13:30:00Z"), 0), engagement!.Chemistry);
        Assert.Single(await ReservedAsync());
        Assert.Contains(await App.Get<EngagementTimeline>().ListAsync(_id, Ct), e => e.Kind == "Chemistry" && e.Actor == Actor.Client);

        var page = await Client.GetStringAsync($"/book/{_bookToken}", Ct);
        Assert.Contains("Wednesday 25 November 2026, 05:00–05:30 (America/Los_Angeles)", page, StringComparison.Ordinal);
        Assert.Contains("You&#x27;re booked", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Booking_again_with_the_same_link_shows_the_booked_slot_not_an_error()
    {
        await PostSlotAsync(_bookToken, FirstSlot);

        var again = await PostSlotAsync(_bookToken, SecondSlot);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var page = await again.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Already booked", page, StringComparison.Ordinal);
        Assert.Contains("05:00–05:30", page, StringComparison.Ordinal);
        Assert.Single(await ReservedAsync());
    }

    [Fact]
    public async Task A_slot_someone_else_holds_is_a_409_page_offering_the_rest()
    {
        var other = await NewEngagementAsync("Europe/London");
        await PostSlotAsync(Token(App.Get<PublicLinks>().Book(other)), FirstSlot);

        var response = await PostSlotAsync(_bookToken, FirstSlot);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("someone has just taken that time", page, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{FirstSlot}\"", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{SecondSlot}\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Racing_bookings_of_one_engagement_keep_one_slot_and_free_every_other()
    {
        var slots = (await GetJsonAsync($"/book/{_bookToken}"))["slots"]!.AsArray().Take(8).Select(s => s!["start"]!.GetValue<string>()).ToList();
        using var go = new SemaphoreSlim(0);

        // A double click on two times, times four: every request may reserve its own slot before one of them records the booking.
        var requests = slots.Select(slot => Task.Run(async () =>
        {
            await go.WaitAsync(Ct);
            return await PostSlotAsync(_bookToken, slot);
        }, Ct)).ToList();
        go.Release(slots.Count);
        var responses = await Task.WhenAll(requests);

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.SeeOther);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.SeeOther), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var booked = (await App.Get<EngagementStore>().GetAsync(_id, Ct))!.Chemistry!;
        Assert.Equal([booked.Start], (await ReservedAsync()).Select(s => s.Start.ToDateTimeOffset()));
    }

    [Theory]
    [InlineData("not-a-time", HttpStatusCode.BadRequest, Unreadable)]
    [InlineData("2026-11-25", HttpStatusCode.BadRequest, Unreadable)]
    [InlineData("2026-11-25T13:10:00Z", HttpStatusCode.BadRequest, NotOffered)]
    [InlineData("2026-11-25T20:00:00Z", HttpStatusCode.BadRequest, NotOffered)]
    [InlineData("2026-11-24T11:15:00Z", HttpStatusCode.Conflict, "That time is now too close to book. Please choose another.")]
    public async Task Malformed_off_grid_and_too_late_slots_get_a_clear_page_with_remaining_slots(string slot, HttpStatusCode expected, string problem)
    {
        var response = await PostSlotAsync(_bookToken, slot);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains($"<strong>{WebUtility.HtmlEncode(problem)}</strong>", page, StringComparison.Ordinal);
        Assert.Contains($"value=\"{FirstSlot}\"", page, StringComparison.Ordinal);
        Assert.Empty(await ReservedAsync());
    }

    [Fact]
    public async Task Tampered_or_wrong_purpose_tokens_are_refused()
    {
        var statusToken = App.Get<PublicLinks>().Status(_id).Query["?token=".Length..];

        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/book/{_bookToken[..^3]}abc", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync($"/book/{statusToken}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostSlotAsync(statusToken, FirstSlot)).StatusCode);
    }

    [Fact]
    public async Task Rescheduling_moves_the_reservation_bumps_the_sequence_and_raises_chemistry_rescheduled()
    {
        await PostSlotAsync(_bookToken, FirstSlot);
        await ScheduledAsync();
        var rescheduleToken = Token(App.Get<PublicLinks>().Reschedule(_id, At(FirstSlot)));

        var picker = await Client.GetStringAsync($"/book/{rescheduleToken}", Ct);
        var response = await PostSlotAsync(rescheduleToken, SecondSlot);

        Assert.Contains("currently on <strong>Wednesday 25 November 2026, 05:00–05:30", picker, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var session = (await App.Get<EngagementStore>().GetAsync(_id, Ct))!.Chemistry!;
        Assert.Equal((At(SecondSlot), 1), (session.Start, session.Sequence));
        Assert.Equal([SecondSlot], (await ReservedAsync()).Select(s => SlotFormat.ToUtc(s.Start)));
    }

    [Fact]
    public async Task The_cancel_link_asks_first_then_cancels_once_and_frees_the_slot()
    {
        await PostSlotAsync(_bookToken, FirstSlot);
        await ScheduledAsync();
        var cancel = App.Get<PublicLinks>().CancelChemistry(_id, At(FirstSlot)).AbsolutePath;

        var question = await Client.GetAsync(cancel, Ct);
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Contains("Yes, cancel the session", await question.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.False((await App.Get<EngagementStore>().GetAsync(_id, Ct))!.Chemistry!.Cancelled);

        var done = await Client.PostAsync(cancel, new FormUrlEncodedContent([]), Ct);
        var repeat = await Client.PostAsync(cancel, new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Session cancelled", await done.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("already recorded", await repeat.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var session = (await App.Get<EngagementStore>().GetAsync(_id, Ct))!.Chemistry!;
        Assert.Equal((true, 1), (session.Cancelled, session.Sequence));
        Assert.Empty(await ReservedAsync());
    }

    private async Task<EngagementId> NewEngagementAsync(string timeZone)
    {
        var body = SampleIntake.Json();
        body["timeZone"] = timeZone;
        var accepted = await (await SampleIntake.PostJsonAsync(Client, body)).Content.ReadFromJsonAsync<JsonObject>(Ct);
        var id = EngagementId.TryParse(accepted!["engagementId"]!.GetValue<string>(), out var parsed) ? parsed : throw new InvalidOperationException();

        // Booking opens once the client is invited. The workflow then waits for a triage that never comes, so
        // these tests set the stages it would record: its real clock is past the fixed dates booked here.
        await new LifecycleDriver(App, Client).Following(id).WaitForStageAsync(Stage.AwaitingCoachTriage);
        await StageAsync(id, Stage.AwaitingBooking);
        return id;
    }

    /// <summary>A session can be moved or cancelled once the engagement has it as booked.</summary>
    private Task ScheduledAsync() => StageAsync(_id, Stage.ChemistryScheduled);

    private async Task StageAsync(EngagementId id, Stage stage) =>
        Assert.NotNull(await App.Get<EngagementStore>().UpdateAsync(id, e => e with { Stage = stage }, Ct));

    private Task<IReadOnlyList<Slot>> ReservedAsync() =>
        App.Get<SlotReservationStore>().ListAsync("sam-rivers", Instant.FromDateTimeOffset(CoachFlowApp.Start), Instant.FromDateTimeOffset(CoachFlowApp.Start) + Duration.FromDays(30), Ct);

    private Task<HttpResponseMessage> PostSlotAsync(string token, string slot) =>
        Client.PostAsync($"/book/{token}", new FormUrlEncodedContent([new("slot", slot)]), Ct);

    private async Task<JsonObject> GetJsonAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        using var response = await Client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>(Ct))!;
    }

    private static string Token(Uri link) => link.AbsolutePath.Split('/')[^1];

    private static DateTimeOffset At(string utc) => DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);
}
