using NodaTime;

namespace CoachFlow.Domain.Scheduling;

/// <summary>The slots that fall on one day of the viewer's calendar.</summary>
public sealed record SlotDay(LocalDate Date, IReadOnlyList<LocalSlot> Slots)
{
    /// <summary>Groups slots by the viewer's local date, in order: what a client in <paramref name="zone"/> sees.</summary>
    public static IReadOnlyList<SlotDay> InZone(IEnumerable<Slot> slots, DateTimeZone zone) =>
        [.. slots.OrderBy(s => s.Start)
            .Select(s => new LocalSlot(s, s.Start.InZone(zone).LocalDateTime, s.End.InZone(zone).LocalDateTime))
            .GroupBy(s => s.Start.Date)
            .Select(g => new SlotDay(g.Key, [.. g]))];
}
