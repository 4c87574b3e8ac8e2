using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Analytics;

/// <summary>
/// X1: the dashboard's figures day by day, for the web panel's charts: the last <c>days</c> local days ending today and the
/// <c>ahead</c> days after it (booked visits ahead show how full the coming days are).
/// Each figure means what it means on <see cref="GetDashboard"/>: visits starting that day (not cancelled), revenue of
/// the completed ones in the main currency, cancellations of visits that day, and load (booked over open minutes).
/// </summary>
public static class GetDailyFigures
{
    public sealed record Day(DateOnly Date, int Visits, decimal Revenue, int Cancelled, double? Load);

    /// <param name="Currency">The currency of most bookings: revenue in other currencies is left out of the chart.</param>
    public sealed record Result(IReadOnlyList<Day> Days, string Currency, DateOnly Today);

    private sealed record Row(BookingStatus Status, DateTime StartUtc, DateTime EndUtc, decimal Price, string Currency);

    public sealed class Handler(BookingDb db, ScheduleReader reader)
    {
        public async Task<Result> HandleAsync(int days, int ahead, CancellationToken ct)
        {
            var zone = await reader.ZoneAsync(ct);
            var today = LocalTime.Today(reader.NowUtc, zone);
            var from = today.AddDays(1 - Math.Clamp(days, 1, 366));
            var last = today.AddDays(Math.Clamp(ahead, 0, 366));
            var (fromUtc, toUtc) = (LocalTime.ToUtc(from, TimeOnly.MinValue, zone), LocalTime.ToUtc(last.AddDays(1), TimeOnly.MinValue, zone));
            var rows = await db.Bookings.AsNoTracking()
                .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Cancelled
                    || b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow) && b.StartUtc >= fromUtc && b.StartUtc < toUtc)
                .Select(b => new Row(b.Status, b.StartUtc, b.EndUtc, b.Price, b.Currency))
                .ToListAsync(ct);
            var currency = rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault() ?? "RUB";
            var week = new WeekSchedule(
                await db.WorkingDays.AsNoTracking().ToListAsync(ct),
                await db.SpecialDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= last).ToListAsync(ct));
            var blocks = await db.Blocks.AsNoTracking().Where(b => b.StartUtc < toUtc && b.EndUtc > fromUtc)
                .Select(b => new Interval(b.StartUtc, b.EndUtc)).ToListAsync(ct);
            var result = new List<Day>();
            for (var date = from; date <= last; date = date.AddDays(1))
            {
                var (dayStart, dayEnd) = (LocalTime.ToUtc(date, TimeOnly.MinValue, zone), LocalTime.ToUtc(date.AddDays(1), TimeOnly.MinValue, zone));
                var that = rows.Where(r => r.StartUtc >= dayStart && r.StartUtc < dayEnd).ToList();
                var held = that.Where(r => r.Status != BookingStatus.Cancelled).ToList();
                var load = Occupancy.Of(date, date, week, zone, blocks, held.Select(r => new Interval(r.StartUtc, r.EndUtc)).OrderBy(i => i.StartUtc).ToList());
                result.Add(new Day(date, held.Count,
                    that.Where(r => r.Status == BookingStatus.Completed && r.Currency == currency).Sum(r => r.Price),
                    that.Count - held.Count, load.Load));
            }

            return new Result(result, currency, today);
        }
    }
}
