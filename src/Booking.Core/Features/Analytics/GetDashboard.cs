using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Analytics;

/// <summary>A2: the periods the dashboard offers. Each is a run of whole local days in the business zone ending today.</summary>
public enum DashboardPeriod
{
    Today = 0,
    Week = 1,
    Month = 2,
    AllTime = 3,
}

/// <summary>
/// A2: the owner's figures for a period. Every figure is defined on the class it lives in (<see cref="Result"/>);
/// instants are UTC, the period is whole local days. Decimals and instants are aggregated in memory after one
/// narrow projection, because SQLite cannot sum decimals in SQL through EF.
/// </summary>
public static class GetDashboard
{
    /// <summary>Below this share (%) of open time booked, the dashboard suggests a promotion or a broadcast.</summary>
    public const int LowLoadPercent = 30;

    /// <summary>At least this share (%) of the period's visits cancelled (and at least <see cref="MinCancellations"/>).</summary>
    public const int ManyCancellationsPercent = 20;

    public const int MinCancellations = 3;

    /// <summary>At least this share (%) of marked visits missed (and at least <see cref="MinNoShows"/>).</summary>
    public const int ManyNoShowsPercent = 10;

    public const int MinNoShows = 2;

    public const int TopCount = 5;

    public enum Advice
    {
        /// <summary>Load below <see cref="LowLoadPercent"/>: a promotion or a broadcast could fill the gaps.</summary>
        LowLoad = 0,

        /// <summary>Many cancellations: review the cancellation window and booking rules.</summary>
        ManyCancellations = 1,

        /// <summary>Many no-shows: check attendance confirmations (✅) the day before and call the silent ones.</summary>
        ManyNoShows = 2,
    }

    public sealed record Money(string Currency, decimal Amount);

    public sealed record TopClient(long ClientId, string Name, int Visits);

    /// <param name="From">First local day of the period (for all time: the day of the first booking or first user).</param>
    /// <param name="To">Last local day of the period: always today.</param>
    /// <param name="Made">Bookings created during the period, whatever became of them.</param>
    /// <param name="Completed">Bookings starting in the period that an admin marked completed.</param>
    /// <param name="Cancelled">Bookings starting in the period that were cancelled (by the client or an admin).</param>
    /// <param name="NoShows">Bookings starting in the period that an admin marked no-show.</param>
    /// <param name="AwaitingMark">Bookings starting in the period, already over, still neither completed nor no-show.</param>
    /// <param name="NewUsers">Users (admins excluded) who first talked to the bot during the period.</param>
    /// <param name="ActiveUsers">
    /// Users (admins excluded) who sent the bot anything — a message or a button, a booking included — during the
    /// period, i.e. whose last contact falls in it (the period always ends now).
    /// </param>
    /// <param name="Revenue">Sum of the prices of the completed bookings above, per currency.</param>
    /// <param name="Expected">
    /// Sum of the prices of confirmed bookings from now until the end of <paramref name="ExpectedUntil"/>, per currency:
    /// the same number of days as the period, looking forward (all future bookings for all time).
    /// </param>
    /// <param name="Prepaid">
    /// Deposits (X3) paid during the period, per currency, except those owed back because the booking could not stand.
    /// Empty where no deposit is asked.
    /// </param>
    /// <param name="Reviews">Reviews written during the period; <paramref name="AverageRating"/> is their mean.</param>
    /// <param name="Load">
    /// Minutes booked (confirmed, completed and no-show bookings; cancelled ones free their time) inside the open
    /// time of the period's days, over that open time: working hours or special-day hours minus blocks.
    /// </param>
    /// <param name="TopClients">Up to five clients with the most completed visits in the period.</param>
    public sealed record Result(
        DashboardPeriod Period, DateOnly From, DateOnly To,
        int Made, int Completed, int Cancelled, int NoShows, int AwaitingMark, int NewUsers, int ActiveUsers,
        IReadOnlyList<Money> Revenue, IReadOnlyList<Money> Expected, DateOnly? ExpectedUntil, IReadOnlyList<Money> Prepaid,
        double? AverageRating, int Reviews, Occupancy.Minutes Load, IReadOnlyList<TopClient> TopClients, IReadOnlyList<Advice> Advice);

    private sealed record Row(
        long ClientId, BookingStatus Status, DateTime StartUtc, DateTime EndUtc, DateTime CreatedUtc, decimal Price, string Currency,
        decimal? PaidAmount, DateTime? PaidUtc, bool GivenBack);

    public sealed class Handler(BookingDb db, ScheduleReader reader, AccessControl access)
    {
        public async Task<Result> HandleAsync(DashboardPeriod period, CancellationToken ct)
        {
            var zone = await reader.ZoneAsync(ct);
            var nowUtc = reader.NowUtc;
            var today = LocalTime.Today(nowUtc, zone);
            var from = period switch
            {
                DashboardPeriod.Today => today,
                DashboardPeriod.Week => today.AddDays(-6),
                DashboardPeriod.Month => today.AddDays(-29),
                _ => await FirstDayAsync(zone, today, ct),
            };
            DateOnly? expectedUntil = period == DashboardPeriod.AllTime ? null : today.AddDays(today.DayNumber - from.DayNumber);
            var fromUtc = LocalTime.ToUtc(from, TimeOnly.MinValue, zone);
            var toUtc = LocalTime.ToUtc(today.AddDays(1), TimeOnly.MinValue, zone);

            // A booking is always made before it starts, so every row any figure needs starts at or after fromUtc.
            var rows = await db.Bookings.AsNoTracking()
                .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Cancelled
                    || b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow) && b.StartUtc >= fromUtc)
                .Select(b => new Row(b.ClientId, b.Status, b.StartUtc, b.EndUtc, b.CreatedUtc, b.Price, b.Currency, b.PaidAmount, b.PaidUtc, b.RefundDue || b.RefundedUtc != null))
                .ToListAsync(ct);
            var visits = rows.Where(r => r.StartUtc < toUtc).ToList();
            int Count(BookingStatus status) => visits.Count(v => v.Status == status);
            var (completed, cancelled, noShows) = (Count(BookingStatus.Completed), Count(BookingStatus.Cancelled), Count(BookingStatus.NoShow));

            var expectedEndUtc = expectedUntil is { } until ? LocalTime.ToUtc(until.AddDays(1), TimeOnly.MinValue, zone) : DateTime.MaxValue;
            var expected = rows.Where(r => r.Status == BookingStatus.Confirmed && r.StartUtc >= nowUtc && r.StartUtc < expectedEndUtc);
            // A deposit is paid after the booking is made and before it starts, so its booking is among the rows too.
            // One owed back or already returned is not the business's money.
            var prepaid = rows.Where(r => r.PaidAmount is not null && r.PaidUtc >= fromUtc && r.PaidUtc < toUtc && !r.GivenBack);
            var (average, reviews) = await RatingsAsync(fromUtc, toUtc, ct);
            var (newUsers, activeUsers) = await UsersAsync(fromUtc, toUtc, ct);
            var load = await LoadAsync(from, today, zone, visits, ct);
            return new Result(
                period, from, today,
                Made: rows.Count(r => r.CreatedUtc >= fromUtc && r.CreatedUtc < toUtc),
                completed, cancelled, noShows,
                AwaitingMark: visits.Count(v => v.Status == BookingStatus.Confirmed && v.EndUtc <= nowUtc),
                newUsers, activeUsers,
                Sum(visits.Where(v => v.Status == BookingStatus.Completed), r => r.Price), Sum(expected, r => r.Price), expectedUntil,
                Sum(prepaid, r => r.PaidAmount!.Value),
                average, reviews, load,
                await TopClientsAsync(visits, ct),
                Advise(load, visits.Count, completed, cancelled, noShows));
        }

        /// <summary>Recommendations, strongest first; thresholds are the constants above.</summary>
        public static IReadOnlyList<Advice> Advise(Occupancy.Minutes load, int visits, int completed, int cancelled, int noShows)
        {
            var advice = new List<Advice>();
            if (load.Open > 0 && load.Booked * 100 < LowLoadPercent * load.Open)
            {
                advice.Add(Advice.LowLoad);
            }

            if (cancelled >= MinCancellations && cancelled * 100 >= ManyCancellationsPercent * visits)
            {
                advice.Add(Advice.ManyCancellations);
            }

            if (noShows >= MinNoShows && noShows * 100 >= ManyNoShowsPercent * (completed + noShows))
            {
                advice.Add(Advice.ManyNoShows);
            }

            return advice;
        }

        private static List<Money> Sum(IEnumerable<Row> rows, Func<Row, decimal> amount) =>
            rows.GroupBy(r => r.Currency, StringComparer.Ordinal)
                .Select(g => new Money(g.Key, g.Sum(amount)))
                .OrderByDescending(m => m.Amount)
                .ToList();

        private async Task<DateOnly> FirstDayAsync(TimeZoneInfo zone, DateOnly today, CancellationToken ct)
        {
            var firstBooking = await db.Bookings.AsNoTracking().OrderBy(b => b.StartUtc).Select(b => (DateTime?)b.StartUtc).FirstOrDefaultAsync(ct);
            var firstUser = await db.Clients.AsNoTracking().OrderBy(c => c.FirstSeenUtc).Select(c => (DateTime?)c.FirstSeenUtc).FirstOrDefaultAsync(ct);
            var first = new[] { firstBooking, firstUser }.Where(d => d is not null).Select(d => LocalTime.Today(d!.Value, zone)).DefaultIfEmpty(today).Min();
            return first < today ? first : today;
        }

        private async Task<(double? Average, int Count)> RatingsAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
        {
            var ratings = await db.Reviews.AsNoTracking().Where(r => r.CreatedUtc >= fromUtc && r.CreatedUtc < toUtc).Select(r => r.Rating).ToListAsync(ct);
            return ratings.Count == 0 ? (null, 0) : (ratings.Average(), ratings.Count);
        }

        private async Task<(int New, int Active)> UsersAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
        {
            var staff = await access.AllAdminIdsAsync(ct);
            var users = db.Clients.AsNoTracking().Where(c => !staff.Contains(c.Id));
            var created = await users.CountAsync(c => c.FirstSeenUtc >= fromUtc && c.FirstSeenUtc < toUtc, ct);
            var active = await users.CountAsync(c => c.LastSeenUtc >= fromUtc && c.LastSeenUtc < toUtc, ct);
            return (created, active);
        }

        private async Task<Occupancy.Minutes> LoadAsync(DateOnly from, DateOnly to, TimeZoneInfo zone, List<Row> visits, CancellationToken ct)
        {
            var days = await db.WorkingDays.AsNoTracking().ToListAsync(ct);
            var specials = await db.SpecialDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);
            var (fromUtc, toUtc) = (LocalTime.ToUtc(from, TimeOnly.MinValue, zone), LocalTime.ToUtc(to.AddDays(1), TimeOnly.MinValue, zone));
            var blocks = await db.Blocks.AsNoTracking().Where(b => b.StartUtc < toUtc && b.EndUtc > fromUtc)
                .Select(b => new Interval(b.StartUtc, b.EndUtc)).ToListAsync(ct);
            var booked = visits.Where(v => v.Status != BookingStatus.Cancelled)
                .Select(v => new Interval(v.StartUtc, v.EndUtc)).OrderBy(i => i.StartUtc).ToList();
            return Occupancy.Of(from, to, new WeekSchedule(days, specials), zone, blocks, booked);
        }

        private async Task<IReadOnlyList<TopClient>> TopClientsAsync(List<Row> visits, CancellationToken ct)
        {
            var top = visits.Where(v => v.Status == BookingStatus.Completed)
                .GroupBy(v => v.ClientId)
                .Select(g => (ClientId: g.Key, Visits: g.Count()))
                .OrderByDescending(c => c.Visits).ThenBy(c => c.ClientId)
                .Take(TopCount)
                .ToList();
            var ids = top.Select(c => c.ClientId).ToList();
            var names = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.FirstName, c.Username }).ToDictionaryAsync(c => c.Id, ct);
            return top.Select(c => new TopClient(c.ClientId, names.TryGetValue(c.ClientId, out var n) ? (n.Username is { } u ? "@" + u : n.FirstName) : "—", c.Visits)).ToList();
        }
    }
}
