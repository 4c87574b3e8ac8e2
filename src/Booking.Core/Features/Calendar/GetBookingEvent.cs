using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Calendar;

/// <summary>X2: what a client's ".ics" file for one of their bookings says; the bot words the description.</summary>
public static class GetBookingEvent
{
    /// <summary>The alarm when no reminder offsets are set.</summary>
    public const int DefaultAlarmMinutes = 60;

    public sealed record Result(
        int BookingId, string Uid, int Sequence, DateTime StartUtc, DateTime EndUtc, string ServiceName, int DurationMinutes,
        decimal Price, string Currency, string? Address, TimeZoneInfo Zone, int AlarmMinutesBefore);

    public sealed class Handler(BookingDb db, ScheduleReader schedule)
    {
        /// <summary>The client's own active booking, or null (someone else's, cancelled, or gone).</summary>
        public async Task<Result?> HandleAsync(long clientId, int bookingId, CancellationToken ct)
        {
            var b = await db.Bookings.AsNoTracking()
                .Where(x => x.Id == bookingId && x.ClientId == clientId && x.Status == BookingStatus.Confirmed)
                .Select(x => new
                {
                    x.Id, x.CreatedUtc, x.StartUtc, x.EndUtc, Service = x.Service!.Name, x.DurationMinutes, x.Price, x.Currency,
                    Revisions = x.History.Count(h => h.Change == BookingChange.Rescheduled || h.Change == BookingChange.ServiceChanged),
                })
                .SingleOrDefaultAsync(ct);
            if (b is null)
            {
                return null;
            }

            var settings = await schedule.SettingsAsync(ct);

            // The reminder closest to the visit is the one that says "time to leave"; the bot sends the earlier ones itself.
            var offsets = NotificationPlan.ParseOffsets(settings.ReminderOffsetsMinutes);
            var alarm = offsets.Count == 0 ? DefaultAlarmMinutes : offsets.Min();
            return new Result(b.Id, CalendarIdentity.Uid(b.Id, b.CreatedUtc), b.Revisions, b.StartUtc, b.EndUtc, b.Service, b.DurationMinutes,
                b.Price, b.Currency, settings.Address, await schedule.ZoneAsync(ct), alarm);
        }
    }
}
