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
        var slots = new List<Slot>();
        Walk(date, hours, zone, rules, nowUtc, busy, slots);
        return slots;
    }

    /// <summary>How full the day is: the same walk as <see cref="ForDay"/>, counting instead of listing (a month calendar asks for 30 of these).</summary>
    public static DayLoad LoadOfDay(
        DateOnly date, OpeningHours? hours, TimeZoneInfo zone, SlotRules rules, DateTime nowUtc, IReadOnlyList<Interval> busy)
    {
        var (offered, free) = Walk(date, hours, zone, rules, nowUtc, busy, into: null);
        return DayLoads.Of(offered, free);
    }

    private static (int Offered, int Free) Walk(
        DateOnly date, OpeningHours? hours, TimeZoneInfo zone, SlotRules rules, DateTime nowUtc, IReadOnlyList<Interval> busy, List<Slot>? into)
    {
        if (hours is not { } open)
        {
            return (0, 0);
        }

        var earliestUtc = nowUtc.AddMinutes(rules.MinNoticeMinutes);
        var closesUtc = LocalTime.ToUtc(date, open.Closes, zone);
        var dayStart = date.ToDateTime(open.Opens);
        var dayEnd = date.ToDateTime(open.Closes);

        // On almost every day the zone's offset at the opening instant is the one at the closing instant, so no clock
        // change falls between them (a change always moves it): every slot is its wall time minus that offset, with no
        // zone lookups per slot. On the day of a change each slot is converted on its own, gaps and overlaps included.
        var opensUtc = LocalTime.ToUtc(dayStart, zone);
        var offset = zone.GetUtcOffset(opensUtc);
        TimeSpan? steadyOffset = offset == zone.GetUtcOffset(closesUtc) && dayStart - opensUtc == offset ? offset : null;

        var (offered, free) = (0, 0);
        var busyIndex = 0;
        for (var local = dayStart; local < dayEnd; local = local.AddMinutes(rules.IntervalMinutes))
        {
            DateTime startUtc;
            if (steadyOffset is { } steady)
            {
                startUtc = DateTime.SpecifyKind(local - steady, DateTimeKind.Utc);
            }
            else if (zone.IsInvalidTime(local))
            {
                continue; // the clock skips this wall time (spring forward)
            }
            else
            {
                startUtc = LocalTime.ToUtc(local, zone);
            }

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

            var isFree = IsFree(new Interval(startUtc, endUtc), busy, busyIndex);
            offered++;
            free += isFree ? 1 : 0;
            into?.Add(new Slot(TimeOnly.FromDateTime(local), startUtc, isFree));
        }

        return (offered, free);
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
