using CoachFlow.Domain.Scheduling;
using NodaTime;
using NodaTime.Text;

namespace CoachFlow.Tests.Scheduling;

public sealed class SlotGeneratorTests
{
    private static readonly DateTimeZone London = DateTimeZoneProviders.Tzdb["Europe/London"];
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    private static Availability Coach(params WeeklyWindow[] windows) => new(
        London,
        windows.Length > 0 ? windows : [new WeeklyWindow(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0))],
        Duration.FromMinutes(30),
        Duration.FromMinutes(15),
        Duration.Zero,
        Duration.FromDays(21),
        new HashSet<LocalDate>());

    private static Instant At(string utc) => InstantPattern.General.Parse(utc).Value;

    private static string[] Starts(IEnumerable<Slot> slots) => [.. slots.Select(s => InstantPattern.General.Format(s.Start))];

    [Fact]
    public void Slots_sit_one_session_plus_buffer_apart_inside_each_window()
    {
        var slots = SlotGenerator.Bookable(Coach(), At("2027-01-03T12:00:00Z"), []);

        Assert.Equal(["2027-01-04T09:00:00Z", "2027-01-04T09:45:00Z", "2027-01-04T10:30:00Z", "2027-01-04T11:15:00Z"], Starts(slots.Take(4)));
        Assert.All(slots, s => Assert.Equal(Duration.FromMinutes(30), s.End - s.Start));
        Assert.Equal(3, slots.Select(s => s.Start.InZone(London).Date).Distinct().Count());
    }

    [Fact]
    public void Several_windows_a_day_each_yield_their_own_slots()
    {
        var slots = SlotGenerator.Bookable(
            Coach(new WeeklyWindow(IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(10, 0)), new WeeklyWindow(IsoDayOfWeek.Tuesday, new LocalTime(14, 0), new LocalTime(15, 0))),
            At("2027-01-04T12:00:00Z"),
            []);

        Assert.Equal(["2027-01-05T09:00:00Z", "2027-01-05T14:00:00Z"], Starts(slots.Take(2)));
    }

    [Fact]
    public void The_spring_gap_hour_has_no_slot()
    {
        // Europe/London skips 01:00-02:00 local on Sunday 28 March 2027.
        var night = Coach(new WeeklyWindow(IsoDayOfWeek.Sunday, new LocalTime(0, 0), new LocalTime(3, 0))) with { Buffer = Duration.Zero };

        var slots = SlotGenerator.Bookable(night, At("2027-03-27T12:00:00Z"), []).Where(s => s.Start < At("2027-03-29T00:00:00Z"));

        Assert.Equal(["2027-03-28T00:00:00Z", "2027-03-28T00:30:00Z", "2027-03-28T01:00:00Z", "2027-03-28T01:30:00Z"], Starts(slots));
        Assert.Equal(
            [new LocalTime(0, 0), new LocalTime(0, 30), new LocalTime(2, 0), new LocalTime(2, 30)],
            slots.Select(s => s.Start.InZone(London).TimeOfDay));
    }

    [Fact]
    public void The_autumn_repeated_hour_has_no_duplicate_slot()
    {
        // Europe/London repeats 01:00-02:00 local on Sunday 31 October 2027.
        var night = Coach(new WeeklyWindow(IsoDayOfWeek.Sunday, new LocalTime(0, 0), new LocalTime(3, 0))) with { Buffer = Duration.Zero };

        var slots = SlotGenerator.Bookable(night, At("2027-10-30T12:00:00Z"), []).Where(s => s.Start < At("2027-11-01T00:00:00Z")).ToList();

        Assert.Equal(
            ["2027-10-30T23:00:00Z", "2027-10-30T23:30:00Z", "2027-10-31T00:00:00Z", "2027-10-31T00:30:00Z", "2027-10-31T02:00:00Z", "2027-10-31T02:30:00Z"],
            Starts(slots));
        Assert.Equal(slots.Count, slots.Select(s => s.Start.InZone(London).LocalDateTime).Distinct().Count());
    }

    [Fact]
    public void A_london_coach_is_shown_to_a_los_angeles_client_in_pacific_time_across_both_transitions()
    {
        // 09:00 London on four Mondays of 2027: before US DST (8h apart), between the US (14 March) and
        // UK (28 March) changes (7h apart), after both (8h), and between the UK (31 Oct) and US (7 Nov) changes (7h).
        var coach = Coach() with { Horizon = Duration.FromDays(300) };
        var slots = SlotGenerator.Bookable(coach, At("2027-03-01T00:00:00Z"), []);
        LocalDateTime PacificStartOn(int month, int day) =>
            SlotDay.InZone(slots, LosAngeles).SelectMany(d => d.Slots).First(s => s.Slot.Start.InZone(London).Date == new LocalDate(2027, month, day)).Start;

        Assert.Equal(new LocalDateTime(2027, 3, 8, 1, 0), PacificStartOn(3, 8));
        Assert.Equal(new LocalDateTime(2027, 3, 15, 2, 0), PacificStartOn(3, 15));
        Assert.Equal(new LocalDateTime(2027, 3, 29, 1, 0), PacificStartOn(3, 29));
        Assert.Equal(new LocalDateTime(2027, 11, 1, 2, 0), PacificStartOn(11, 1));
    }

    [Fact]
    public void A_client_sees_slots_grouped_by_their_own_calendar_day()
    {
        var evening = Coach(new WeeklyWindow(IsoDayOfWeek.Monday, new LocalTime(6, 0), new LocalTime(9, 0))) with { Buffer = Duration.Zero, SessionLength = Duration.FromHours(1) };
        var slots = SlotGenerator.Bookable(evening, At("2027-01-03T00:00:00Z"), []).Take(3);

        var days = SlotDay.InZone(slots, LosAngeles);

        Assert.Equal([new LocalDate(2027, 1, 3), new LocalDate(2027, 1, 4)], days.Select(d => d.Date));
        Assert.Equal([new LocalTime(22, 0), new LocalTime(23, 0)], days[0].Slots.Select(s => s.Start.TimeOfDay));
        Assert.Equal([new LocalTime(0, 0)], days[1].Slots.Select(s => s.Start.TimeOfDay));
    }

    [Fact]
    public void Reserved_slots_and_their_buffers_are_excluded()
    {
        var now = At("2027-01-03T12:00:00Z");
        var onGrid = new Slot(At("2027-01-04T09:45:00Z"), At("2027-01-04T10:15:00Z"));
        var offGrid = new Slot(At("2027-01-11T10:00:00Z"), At("2027-01-11T10:30:00Z"));

        var slots = SlotGenerator.Bookable(Coach(), now, [onGrid, offGrid]);

        Assert.Equal(["2027-01-04T09:00:00Z", "2027-01-04T10:30:00Z", "2027-01-04T11:15:00Z"], Starts(slots.Where(s => s.Start < At("2027-01-05T00:00:00Z"))));
        Assert.Equal(["2027-01-11T09:00:00Z", "2027-01-11T11:15:00Z"], Starts(slots.Where(s => s.Start > At("2027-01-10T00:00:00Z") && s.Start < At("2027-01-12T00:00:00Z"))));
    }

    [Fact]
    public void Minimum_notice_and_horizon_bound_the_slots()
    {
        var coach = Coach(new WeeklyWindow(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)), new WeeklyWindow(IsoDayOfWeek.Tuesday, new LocalTime(9, 0), new LocalTime(12, 0)))
            with { MinimumNotice = Duration.FromHours(24), Horizon = Duration.FromDays(8) };
        var now = At("2027-01-04T10:00:00Z");

        var slots = SlotGenerator.Bookable(coach, now, []);

        Assert.Equal("2027-01-05T10:30:00Z", Starts(slots)[0]);
        Assert.Equal("2027-01-12T09:45:00Z", Starts(slots)[^1]);
        Assert.All(slots, s => Assert.InRange(s.Start, now + Duration.FromHours(24), now + Duration.FromDays(8)));
    }

    [Fact]
    public void Blocked_dates_offer_nothing()
    {
        var coach = Coach() with { BlockedDates = new HashSet<LocalDate> { new(2027, 1, 4) } };

        var slots = SlotGenerator.Bookable(coach, At("2027-01-03T12:00:00Z"), []);

        Assert.Equal("2027-01-11T09:00:00Z", Starts(slots)[0]);
    }

    [Fact]
    public void Check_explains_why_a_slot_cannot_be_booked()
    {
        var coach = Coach() with { MinimumNotice = Duration.FromHours(2) };
        var now = At("2027-01-04T08:00:00Z");
        var first = new Slot(At("2027-01-04T09:00:00Z"), At("2027-01-04T09:30:00Z"));
        var second = new Slot(At("2027-01-04T10:30:00Z"), At("2027-01-04T11:00:00Z"));

        Assert.Equal(SlotCheck.Bookable, SlotGenerator.Check(coach, now, [], second));
        Assert.Equal(SlotCheck.Taken, SlotGenerator.Check(coach, now, [second], second));
        Assert.Equal(SlotCheck.TooLate, SlotGenerator.Check(coach, now, [], first));
        Assert.Equal(SlotCheck.NotOffered, SlotGenerator.Check(coach, now, [], new Slot(At("2027-01-04T09:10:00Z"), At("2027-01-04T09:40:00Z"))));
        Assert.Equal(SlotCheck.NotOffered, SlotGenerator.Check(coach, now, [], new Slot(At("2027-01-05T09:00:00Z"), At("2027-01-05T09:30:00Z"))));
    }

    [Fact]
    public void A_slot_starting_exactly_at_the_minimum_notice_is_offered()
    {
        var coach = Coach() with { MinimumNotice = Duration.FromHours(24) };

        Assert.Equal("2027-01-04T09:00:00Z", Starts(SlotGenerator.Bookable(coach, At("2027-01-03T09:00:00Z"), []))[0]);
        Assert.Equal("2027-01-04T09:45:00Z", Starts(SlotGenerator.Bookable(coach, At("2027-01-03T09:01:00Z"), []))[0]);
    }

    [Fact]
    public void A_slot_starting_exactly_at_the_horizon_is_offered()
    {
        var now = At("2027-01-04T12:00:00Z");
        var toLastSlot = Duration.FromDays(7) - Duration.FromMinutes(45);

        Assert.Equal("2027-01-11T11:15:00Z", Starts(SlotGenerator.Bookable(Coach() with { Horizon = toLastSlot }, now, []))[^1]);
        Assert.Equal("2027-01-11T10:30:00Z", Starts(SlotGenerator.Bookable(Coach() with { Horizon = toLastSlot - Duration.FromMinutes(1) }, now, []))[^1]);
    }

    [Fact]
    public void Check_of_a_slot_exactly_at_the_minimum_notice_is_bookable_and_a_minute_later_too_late()
    {
        var coach = Coach() with { MinimumNotice = Duration.FromHours(2) };
        var slot = new Slot(At("2027-01-04T09:00:00Z"), At("2027-01-04T09:30:00Z"));

        Assert.Equal(SlotCheck.Bookable, SlotGenerator.Check(coach, At("2027-01-04T07:00:00Z"), [], slot));
        Assert.Equal(SlotCheck.TooLate, SlotGenerator.Check(coach, At("2027-01-04T07:01:00Z"), [], slot));
    }
}
