using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>A3: one local day of the schedule for admins — every booking that holds or held time that day.</summary>
public static class GetDaySchedule
{
    /// <summary>How many days after today the schedule reaches (today and the next seven).</summary>
    public const int DaysAhead = 7;

    public sealed record Line(
        int BookingId, DateTime StartUtc, int DurationMinutes, string Service, long ClientId, string Client, BookingStatus Status, bool AttendanceConfirmed);

    /// <param name="Cancelled">Bookings of that day that were cancelled: counted, not listed.</param>
    public sealed record Result(DateOnly Date, DateOnly Today, IReadOnlyList<Line> Lines, int Cancelled, TimeZoneInfo Zone)
    {
        public bool HasPrevious => Date > Today;

        public bool HasNext => Date < Today.AddDays(DaysAhead);

        /// <summary>Clients on the waitlist for that day (X4), whatever the service.</summary>
        public int Waiting { get; init; }
    }

    public sealed class Handler(BookingDb db, ScheduleReader reader)
    {
        /// <summary>The day asked for, kept within today … today + <see cref="DaysAhead"/>.</summary>
        public async Task<Result> HandleAsync(DateOnly? date, CancellationToken ct)
        {
            var zone = await reader.ZoneAsync(ct);
            var today = LocalTime.Today(reader.NowUtc, zone);
            var day = date is not { } d || d < today ? today : d > today.AddDays(DaysAhead) ? today.AddDays(DaysAhead) : d;
            var bounds = LocalTime.DayBounds(day, zone);
            var bookings = await db.Bookings.AsNoTracking()
                .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Cancelled
                    || b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow)
                    && b.StartUtc >= bounds.StartUtc && b.StartUtc < bounds.EndUtc)
                .OrderBy(b => b.StartUtc)
                .Select(b => new
                {
                    b.Id, b.StartUtc, b.DurationMinutes, Service = b.Service!.Name, b.ClientId, b.Client!.FirstName, b.Client.Username,
                    b.Status, b.AttendanceConfirmedUtc,
                })
                .ToListAsync(ct);
            var lines = bookings.Where(b => b.Status != BookingStatus.Cancelled)
                .Select(b => new Line(b.Id, b.StartUtc, b.DurationMinutes, b.Service, b.ClientId, b.Username is { Length: > 0 } u ? "@" + u : b.FirstName,
                    b.Status, b.AttendanceConfirmedUtc is not null))
                .ToList();
            var nowUtc = reader.NowUtc;
            var waiting = await db.WaitlistEntries.CountAsync(e => e.Status == WaitStatus.Waiting && e.Date == day && e.DayEndUtc > nowUtc, ct);
            return new Result(day, today, lines, bookings.Count - lines.Count, zone) { Waiting = waiting };
        }
    }
}
