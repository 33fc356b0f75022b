using CoachFlow.Domain.Engagements;
using CoachFlow.Infrastructure.Engagements;
using CoachFlow.Infrastructure.Scheduling;
using Ical.Net;

namespace CoachFlow.Tests.Scheduling;

public sealed class ChemistryCalendarTests
{
    private static readonly EngagementId Id = EngagementIds.New();
    private static readonly DateTimeOffset Start = new(2027, 1, 4, 9, 0, 0, TimeSpan.Zero);

    private static CalendarInvite Invite(int sequence = 0, bool cancelled = false) => new(
        Id,
        new ChemistrySession(Start, Start.AddMinutes(30), sequence, cancelled),
        "Sam Rivers",
        "sam@coach.example",
        "Ada Lovelace",
        "ada@example.com",
        new Uri("https://meet.example.com/sam"),
        new Uri("http://localhost:7071/book/reschedule-token"),
        new Uri("http://localhost:7071/act/cancel-token"),
        new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_booking_is_a_request_that_parses_back_with_uid_times_people_and_sequence()
    {
        var calendar = Calendar.Load(ChemistryCalendar.Create(Invite()))!;

        Assert.Equal("REQUEST", calendar.Method);
        var e = Assert.Single(calendar.Events);
        Assert.Equal($"chemistry-{Id.Value}@coachflow", e.Uid);
        Assert.Equal(0, e.Sequence);
        Assert.Equal(Start.UtcDateTime, e.DtStart!.AsUtc);
        Assert.Equal(Start.AddMinutes(30).UtcDateTime, e.DtEnd!.AsUtc);
        Assert.True(e.DtStart.IsUtc);
        Assert.Equal("mailto:sam@coach.example", e.Organizer!.Value!.ToString());
        Assert.Equal("Sam Rivers", e.Organizer.CommonName);
        var attendee = Assert.Single(e.Attendees);
        Assert.Equal("mailto:ada@example.com", attendee.Value!.ToString());
        Assert.Equal("Ada Lovelace", attendee.CommonName);
        Assert.Equal("CONFIRMED", e.Status);
        Assert.Equal("https://meet.example.com/sam", e.Location);
        Assert.Contains("http://localhost:7071/book/reschedule-token", e.Description, StringComparison.Ordinal);
        Assert.Contains("http://localhost:7071/act/cancel-token", e.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reschedule_keeps_the_uid_and_bumps_the_sequence()
    {
        var first = Calendar.Load(ChemistryCalendar.Create(Invite()))!.Events.Single();
        var moved = Calendar.Load(ChemistryCalendar.Create(Invite(sequence: 1)))!.Events.Single();

        Assert.Equal(first.Uid, moved.Uid);
        Assert.Equal(1, moved.Sequence);
    }

    [Fact]
    public void A_cancellation_is_a_cancel_method_with_cancelled_status_and_no_action_links()
    {
        var calendar = Calendar.Load(ChemistryCalendar.Create(Invite(sequence: 2, cancelled: true)))!;

        Assert.Equal("CANCEL", calendar.Method);
        var e = calendar.Events.Single();
        Assert.Equal("CANCELLED", e.Status);
        Assert.Equal(2, e.Sequence);
        Assert.DoesNotContain("reschedule-token", e.Description, StringComparison.Ordinal);
    }
}
