using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Payments;

/// <summary>X3: cancels the bookings whose payment hold ran out, so their slots can be booked again.</summary>
public static class ReleaseExpiredHolds
{
    /// <summary>A released hold, for telling its client.</summary>
    public sealed record Released(int BookingId, long ClientId, int ServiceId, string ServiceName, DateTime StartUtc);

    public sealed class Handler(BookingDb db, WriteGate gate, TimeProvider clock)
    {
        /// <summary>Enough for any one sweep; the rest wait for the next one.</summary>
        private const int Batch = 200;

        public async Task<IReadOnlyList<Released>> HandleAsync(CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            await using var write = await gate.BeginAsync(ct);
            var expired = await db.Bookings.Include(b => b.Service)
                .Where(b => b.Status == BookingStatus.AwaitingPayment && b.HoldUntilUtc <= nowUtc)
                .OrderBy(b => b.HoldUntilUtc)
                .Take(Batch)
                .ToListAsync(ct);
            foreach (var booking in expired)
            {
                booking.ReleaseHold(nowUtc);
            }

            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return expired.Select(b => new Released(b.Id, b.ClientId, b.ServiceId, b.Service?.Name ?? string.Empty, b.StartUtc)).ToList();
        }
    }
}
