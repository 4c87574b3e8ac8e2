using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>
/// X1: a cheap watermark of the bookings. Every change of a booking — made, cancelled, moved, marked — adds a row to
/// its history (A12), so the highest history id changes whenever any booking does, on whichever host changed it.
/// </summary>
public static class GetBookingsVersion
{
    public sealed class Handler(BookingDb db)
    {
        public async Task<long> HandleAsync(CancellationToken ct) =>
            await db.BookingHistory.AsNoTracking().MaxAsync(h => (long?)h.Id, ct) ?? 0;
    }
}
