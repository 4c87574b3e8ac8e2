using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Settings;

/// <summary>A5: everything the settings screens show, read fresh from the database.</summary>
public static class GetSettings
{
    /// <param name="ZoneId">The zone in force: the one set here, or the start-up TIMEZONE.</param>
    /// <param name="Week">Monday first; a weekday without a row is closed.</param>
    /// <param name="SpecialDays">From today on, in date order.</param>
    public sealed record Result(
        BusinessSettings Settings, string ZoneId, DateOnly Today, IReadOnlyList<WeekdayHours> Week, IReadOnlyList<SpecialDay> SpecialDays);

    public sealed record WeekdayHours(DayOfWeek Weekday, bool IsOpen, TimeOnly Opens, TimeOnly Closes);

    /// <summary>Monday first, as calendars in Russia and most of Europe are.</summary>
    public static IReadOnlyList<DayOfWeek> WeekOrder { get; } =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    public sealed class Handler(BookingDb db, ScheduleReader reader, BookingCoreOptions options)
    {
        public async Task<Result> HandleAsync(CancellationToken ct)
        {
            // Read afresh, not from the reader's per-update copy: the admin may have just changed it in this update.
            var settings = await db.Settings.AsNoTracking().SingleOrDefaultAsync(ct) ?? new BusinessSettings();
            var zoneId = settings.TimeZoneId ?? options.DefaultTimeZoneId;
            var today = DateOnly.FromDateTime(LocalTime.ToLocal(reader.NowUtc, BusinessZone.Resolve(zoneId)));
            var days = await db.WorkingDays.AsNoTracking().ToDictionaryAsync(d => d.Weekday, ct);
            var week = WeekOrder
                .Select(w => days.TryGetValue(w, out var d) ? new WeekdayHours(w, d.IsOpen, d.Opens, d.Closes) : new WeekdayHours(w, false, default, default))
                .ToList();
            var specials = await db.SpecialDays.AsNoTracking().Where(d => d.Date >= today).OrderBy(d => d.Date).ToListAsync(ct);
            return new Result(settings, zoneId, today, week, specials);
        }
    }
}
