using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Availability;

/// <summary>Loads a <see cref="Schedule"/> for a span of local dates with a fixed, small number of queries.</summary>
public sealed class ScheduleReader(BookingDb db, TimeProvider clock, BookingCoreOptions options)
{
    private BusinessSettings? _settings;

    public async Task<Schedule> ReadAsync(DateOnly from, DateOnly to, int? ignoreBookingId, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var zone = BusinessZone.Resolve(settings.TimeZoneId ?? options.DefaultTimeZoneId);
        var days = await db.WorkingDays.AsNoTracking().ToListAsync(ct);
        var specials = await db.SpecialDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to).ToListAsync(ct);

        // A day before and after covers bookings and blocks that cross local midnight.
        var fromUtc = LocalTime.ToUtc(from.AddDays(-1), TimeOnly.MinValue, zone);
        var toUtc = LocalTime.ToUtc(to.AddDays(2), TimeOnly.MinValue, zone);

        // No booking lasts longer than a service may, so a lower bound on StartUtc turns the (Status, StartUtc) index
        // scan over every past booking into a seek over the requested days; EndUtc still decides the overlap.
        var earliestStartUtc = fromUtc.AddMinutes(-Service.MaxDurationMinutes);
        var bookings = await db.Bookings.AsNoTracking()
            .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.AwaitingPayment) && b.StartUtc < toUtc && b.StartUtc > earliestStartUtc && b.EndUtc > fromUtc)
            .Where(b => ignoreBookingId == null || b.Id != ignoreBookingId)
            .Select(b => new { b.StartUtc, b.EndUtc })
            .ToListAsync(ct);
        var blocks = await db.Blocks.AsNoTracking()
            .Where(b => b.StartUtc < toUtc && b.EndUtc > fromUtc)
            .Select(b => new { b.StartUtc, b.EndUtc })
            .ToListAsync(ct);

        var busy = bookings.Select(b => new Interval(b.StartUtc, b.EndUtc))
            .Concat(blocks.Select(b => new Interval(b.StartUtc, b.EndUtc)))
            .OrderBy(i => i.StartUtc)
            .ToList();
        return new Schedule(settings, zone, new WeekSchedule(days, specials), clock.GetUtcNow().UtcDateTime, busy);
    }

    /// <summary>Reads the schedule around one instant (the local day it falls on).</summary>
    public async Task<Schedule> ReadAroundAsync(DateTime utc, int? ignoreBookingId, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var zone = BusinessZone.Resolve(settings.TimeZoneId ?? options.DefaultTimeZoneId);
        var date = DateOnly.FromDateTime(LocalTime.ToLocal(utc, zone));
        return await ReadAsync(date, date, ignoreBookingId, ct);
    }

    public DateTime NowUtc => clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Read once per scope (one update): the pipeline, the calendar and the booking check all ask for it, and a
    /// change an admin makes applies from the next update on.
    /// </summary>
    public async Task<BusinessSettings> SettingsAsync(CancellationToken ct) =>
        _settings ??= await db.Settings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new BusinessSettings();

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) =>
        BusinessZone.Resolve((await SettingsAsync(ct)).TimeZoneId ?? options.DefaultTimeZoneId);
}
