using NodaTime;

namespace CoachFlow.Domain.Scheduling;

/// <summary>
/// The slots a client may book. Slots are laid out in the coach's local time, one session plus one
/// buffer apart from each window's start, then mapped to real instants: a local time skipped by a
/// spring-forward change yields no slot, and a local time repeated by a fall-back change yields one
/// slot (its first occurrence), never two.
/// </summary>
public static class SlotGenerator
{
    public static IReadOnlyList<Slot> Bookable(Availability availability, Instant now, IEnumerable<Slot> reserved)
    {
        ArgumentNullException.ThrowIfNull(availability);
        var taken = reserved.ToList();
        var earliest = now + availability.MinimumNotice;
        var latest = now + availability.Horizon;
        var zone = availability.Zone;
        var step = availability.SessionLength + availability.Buffer;

        var slots = new SortedSet<Instant>();
        var lastDay = latest.InZone(zone).Date;
        for (var day = now.InZone(zone).Date; day <= lastDay; day = day.PlusDays(1))
        {
            if (availability.BlockedDates.Contains(day))
            {
                continue;
            }

            foreach (var window in availability.Windows.Where(w => w.Day == day.DayOfWeek))
            {
                for (var local = day + window.Start; Fits(local, window, day, availability.SessionLength); local = local.PlusTicks(step.BclCompatibleTicks))
                {
                    var mapping = zone.MapLocal(local);
                    if (mapping.Count == 0)
                    {
                        continue;
                    }

                    var start = mapping.First().ToInstant();
                    var end = start + availability.SessionLength;
                    if (start >= earliest && start <= latest && !taken.Any(r => r.Overlaps(start - availability.Buffer, end + availability.Buffer)))
                    {
                        slots.Add(start);
                    }
                }
            }
        }

        return [.. slots.Select(start => new Slot(start, start + availability.SessionLength))];
    }

    /// <summary>Whether <paramref name="slot"/> can be booked at <paramref name="now"/>, and if not, why.</summary>
    public static SlotCheck Check(Availability availability, Instant now, IEnumerable<Slot> reserved, Slot slot)
    {
        ArgumentNullException.ThrowIfNull(availability);
        if (Bookable(availability, now, reserved).Contains(slot))
        {
            return SlotCheck.Bookable;
        }

        if (Bookable(availability, now, []).Contains(slot))
        {
            return SlotCheck.Taken;
        }

        // Seen from far enough back (no notice, from the slot's own day), would it have been offered?
        var wasOffered = Bookable(availability with { MinimumNotice = Duration.Zero }, slot.Start - Duration.FromDays(1), []).Contains(slot);
        return wasOffered && slot.Start < now + availability.MinimumNotice ? SlotCheck.TooLate : SlotCheck.NotOffered;
    }

    private static bool Fits(LocalDateTime start, WeeklyWindow window, LocalDate day, Duration length)
    {
        var end = start.PlusTicks(length.BclCompatibleTicks);
        var windowEnd = day + window.End;
        return start.Date == day && end <= windowEnd;
    }
}
