using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Availability;

/// <summary>Loads a <see cref="Schedule"/> for a span of local dates with a fixed, small number of queries.</summary>
public sealed class ScheduleReader(BookingDb db, TimeProvider clock, BookingCoreOptions options)
{
    // Compiled once per model (CompiledQuery): every update reads the settings and every calendar screen the rest, and EF's per-call
    // translation-cache lookup of a LINQ query cost as much CPU as running these small queries.
    private static readonly CompiledQuery<Func<BookingDb, CancellationToken, Task<BusinessSettings?>>> SettingsQuery = new(() =>
        EF.CompileAsyncQuery((BookingDb db, CancellationToken ct) => db.Settings.AsNoTracking().SingleOrDefault()));

    private static readonly CompiledQuery<Func<BookingDb, IAsyncEnumerable<WorkingDay>>> WorkingDaysQuery = new(() =>
        EF.CompileAsyncQuery((BookingDb db) => db.WorkingDays.AsNoTracking()));

    private static readonly CompiledQuery<Func<BookingDb, DateOnly, DateOnly, IAsyncEnumerable<SpecialDay>>> SpecialDaysQuery = new(() =>
        EF.CompileAsyncQuery((BookingDb db, DateOnly from, DateOnly to) => db.SpecialDays.AsNoTracking().Where(d => d.Date >= from && d.Date <= to)));

    // No booking lasts longer than a service may, so a lower bound on StartUtc turns the (Status, StartUtc) index
    // scan over every past booking into a seek over the requested days; EndUtc still decides the overlap. A booking
    // held while its deposit is paid (X3) occupies its time like a confirmed one. SQLite reads the same rows through
    // SqliteBusyTimes.
    private static readonly CompiledQuery<Func<BookingDb, DateTime, DateTime, DateTime, int?, IAsyncEnumerable<Interval>>> BookingsQuery = new(() =>
        EF.CompileAsyncQuery((BookingDb db, DateTime fromUtc, DateTime toUtc, DateTime earliestStartUtc, int? ignoreBookingId) =>
            db.Bookings.AsNoTracking()
                .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.AwaitingPayment)
                    && b.StartUtc < toUtc && b.StartUtc > earliestStartUtc && b.EndUtc > fromUtc)
                .Where(b => ignoreBookingId == null || b.Id != ignoreBookingId)
                .Select(b => new Interval(b.StartUtc, b.EndUtc))));

    private static readonly CompiledQuery<Func<BookingDb, DateTime, DateTime, IAsyncEnumerable<Interval>>> BlocksQuery = new(() =>
        EF.CompileAsyncQuery((BookingDb db, DateTime fromUtc, DateTime toUtc) =>
            db.Blocks.AsNoTracking().Where(b => b.StartUtc < toUtc && b.EndUtc > fromUtc).Select(b => new Interval(b.StartUtc, b.EndUtc))));

    private BusinessSettings? _settings;

    public async Task<Schedule> ReadAsync(DateOnly from, DateOnly to, int? ignoreBookingId, CancellationToken ct)
    {
        var settings = await SettingsAsync(ct);
        var zone = BusinessZone.Resolve(settings.TimeZoneId ?? options.DefaultTimeZoneId);
        var days = await WorkingDaysQuery.For(db)(db).ToListAsync(ct);
        var specials = await SpecialDaysQuery.For(db)(db, from, to).ToListAsync(ct);

        // A day before and after covers bookings and blocks that cross local midnight.
        var fromUtc = LocalTime.ToUtc(from.AddDays(-1), TimeOnly.MinValue, zone);
        var toUtc = LocalTime.ToUtc(to.AddDays(2), TimeOnly.MinValue, zone);

        var earliestStartUtc = fromUtc.AddMinutes(-Service.MaxDurationMinutes);
        List<Interval> busy;
        if (db.IsSqlite)
        {
            busy = await SqliteBusyTimes.ReadAsync(db, fromUtc, toUtc, earliestStartUtc, ignoreBookingId, ct);
        }
        else
        {
            busy = await BookingsQuery.For(db)(db, fromUtc, toUtc, earliestStartUtc, ignoreBookingId).ToListAsync(ct);
            busy.AddRange(await BlocksQuery.For(db)(db, fromUtc, toUtc).ToListAsync(ct));
        }

        busy.Sort(static (a, b) => a.StartUtc.CompareTo(b.StartUtc));
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
        _settings ??= await SettingsQuery.For(db)(db, ct) ?? new BusinessSettings();

    public async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct) =>
        BusinessZone.Resolve((await SettingsAsync(ct)).TimeZoneId ?? options.DefaultTimeZoneId);
}
