using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>A3/X5: one booking as an admin sees it, with the client's record: completed visits and no-shows.</summary>
public static class GetBookingCard
{
    /// <param name="HasStarted">Completed and no-show can be marked only once the visit has started.</param>
    public sealed record Result(Domain.Booking Booking, Client Client, string Service, int Visits, int NoShows, bool HasStarted);

    public sealed class Handler(BookingDb db, TimeProvider clock)
    {
        public async Task<Result?> HandleAsync(int bookingId, CancellationToken ct)
        {
            var booking = await db.Bookings.AsNoTracking().Include(b => b.Service).Include(b => b.Client)
                .SingleOrDefaultAsync(b => b.Id == bookingId, ct);
            if (booking is not { Client: { } client })
            {
                return null;
            }

            var statuses = await db.Bookings.AsNoTracking()
                .Where(b => b.ClientId == client.Id && (b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow))
                .Select(b => b.Status)
                .ToListAsync(ct);
            return new Result(
                booking, client, booking.Service?.Name ?? "—",
                statuses.Count(s => s == BookingStatus.Completed), statuses.Count(s => s == BookingStatus.NoShow),
                booking.StartUtc <= clock.GetUtcNow().UtcDateTime);
        }
    }
}
