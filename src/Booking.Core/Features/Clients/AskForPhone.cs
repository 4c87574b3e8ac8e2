using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Clients;

/// <summary>
/// C11: whether to ask this client for their phone before the confirm step. Only when the setting is on, the client
/// has no phone stored and has never booked (whatever became of a booking): a regular is never asked again.
/// </summary>
public static class AskForPhone
{
    public sealed class Handler(BookingDb db, Availability.ScheduleReader schedule)
    {
        /// <returns>How to ask (with or without a way round), or <see cref="PhoneRequest.Off"/> for not at all.</returns>
        public async Task<PhoneRequest> HandleAsync(long clientId, CancellationToken ct)
        {
            var mode = (await schedule.SettingsAsync(ct)).PhoneRequest;
            if (mode == PhoneRequest.Off)
            {
                return PhoneRequest.Off;
            }

            var hasPhone = await db.Clients.AnyAsync(c => c.Id == clientId && c.Phone != null, ct);
            var hasBooked = await db.Bookings.AnyAsync(b => b.ClientId == clientId, ct);
            return hasPhone || hasBooked ? PhoneRequest.Off : mode;
        }
    }
}
