using Booking.Core.Domain;

namespace Booking.Core.Scheduling;

/// <summary>Booked and open minutes over a span of local days (A2 load): pure, so it is tested without a database.</summary>
public static class Occupancy
{
    public readonly record struct Minutes(long Booked, long Open)
    {
        /// <summary>Booked share of open time, 0–1; null when the business was not open at all.</summary>
        public double? Load => Open == 0 ? null : (double)Booked / Open;
    }

    /// <summary>
    /// Open time is each day's opening hours (weekly hours or the special day's, as UTC instants, so a DST day has
    /// its true length) minus blocks. Booked time is the part of each booking inside that open time, so a booking
    /// can never push the load past 100 %. <paramref name="booked"/> must be sorted by start and must not overlap
    /// one another (P3 holds that).
    /// </summary>
    public static Minutes Of(
        DateOnly from, DateOnly to, WeekSchedule week, TimeZoneInfo zone, IReadOnlyList<Interval> blocks, IReadOnlyList<Interval> booked)
    {
        long open = 0, taken = 0;
        var first = 0;
        for (var date = from; date <= to; date = date.AddDays(1))
        {
            if (week.HoursOn(date) is not { } hours)
            {
                continue;
            }

            var day = new Interval(LocalTime.ToUtc(date, hours.Opens, zone), LocalTime.ToUtc(date, hours.Closes, zone));
            while (first < booked.Count && booked[first].EndUtc <= day.StartUtc)
            {
                first++; // days only move forward, so a booking that ended before this one never counts again
            }

            foreach (var free in Subtract(day, blocks))
            {
                open += MinutesOf(free);
                for (var i = first; i < booked.Count && booked[i].StartUtc < free.EndUtc; i++)
                {
                    taken += MinutesOf(Intersect(free, booked[i]));
                }
            }
        }

        return new Minutes(taken, open);
    }

    /// <summary>The parts of <paramref name="day"/> no block covers.</summary>
    private static List<Interval> Subtract(Interval day, IReadOnlyList<Interval> blocks)
    {
        var parts = new List<Interval> { day };
        foreach (var block in blocks.Where(b => b.Overlaps(day)))
        {
            parts = parts.SelectMany(p => Cut(p, block)).ToList();
        }

        return parts;
    }

    private static IEnumerable<Interval> Cut(Interval part, Interval block)
    {
        if (!part.Overlaps(block))
        {
            yield return part;
            yield break;
        }

        if (block.StartUtc > part.StartUtc)
        {
            yield return new Interval(part.StartUtc, block.StartUtc);
        }

        if (block.EndUtc < part.EndUtc)
        {
            yield return new Interval(block.EndUtc, part.EndUtc);
        }
    }

    private static Interval Intersect(Interval a, Interval b) =>
        new(a.StartUtc > b.StartUtc ? a.StartUtc : b.StartUtc, a.EndUtc < b.EndUtc ? a.EndUtc : b.EndUtc);

    private static long MinutesOf(Interval i) => i.EndUtc > i.StartUtc ? (long)(i.EndUtc - i.StartUtc).TotalMinutes : 0;
}
