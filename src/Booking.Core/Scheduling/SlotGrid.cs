using Booking.Core.Domain;

namespace Booking.Core.Scheduling;

public readonly record struct Slot(TimeOnly LocalStart, DateTime StartUtc, bool IsFree);

/// <summary>The inputs that shape a day's slots for one service.</summary>
public sealed record SlotRules(int DurationMinutes, int IntervalMinutes, int MinNoticeMinutes);

/// <summary>
/// Pure slot generation (C4). Slots step through the local opening hours; each must end by closing time, start
/// after now + minimum notice, and is free when it overlaps no busy interval (bookings and blocks, half-open).
/// </summary>
public static class SlotGrid
{
    /// <summary>
    /// All slots of a day that can still be offered (past ones are left out), each marked free or busy.
    /// <paramref name="busy"/> must be sorted by start.
    /// </summary>
    public static IReadOnlyList<Slot> ForDay(
        DateOnly date, OpeningHours? hours, TimeZoneInfo zone, SlotRules rules, DateTime nowUtc, IReadOnlyList<Interval> busy)
    {
        if (hours is not { } open)
        {
            return [];
        }

        var earliestUtc = nowUtc.AddMinutes(rules.MinNoticeMinutes);
        var closesUtc = LocalTime.ToUtc(date, open.Closes, zone);
        var slots = new List<Slot>();
        var dayStart = date.ToDateTime(open.Opens);
        var dayEnd = date.ToDateTime(open.Closes);
        var busyIndex = 0;
        for (var local = dayStart; local < dayEnd; local = local.AddMinutes(rules.IntervalMinutes))
        {
            if (zone.IsInvalidTime(local))
            {
                continue; // the clock skips this wall time (spring forward)
            }

            var startUtc = LocalTime.ToUtc(local, zone);
            var endUtc = startUtc.AddMinutes(rules.DurationMinutes);
            if (endUtc > closesUtc)
            {
                break;
            }

            if (startUtc < earliestUtc)
            {
                continue;
            }

            // Busy intervals ending before this slot can never matter for later slots either.
            while (busyIndex < busy.Count && busy[busyIndex].EndUtc <= startUtc)
            {
                busyIndex++;
            }

            var free = IsFree(new Interval(startUtc, endUtc), busy, busyIndex);
            slots.Add(new Slot(TimeOnly.FromDateTime(local), startUtc, free));
        }

        return slots;
    }

    private static bool IsFree(Interval slot, IReadOnlyList<Interval> busy, int from)
    {
        for (var i = from; i < busy.Count && busy[i].StartUtc < slot.EndUtc; i++)
        {
            if (busy[i].Overlaps(slot))
            {
                return false;
            }
        }

        return true;
    }
}
