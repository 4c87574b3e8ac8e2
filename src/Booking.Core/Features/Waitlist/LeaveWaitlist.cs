using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Waitlist;

/// <summary>X4: the client no longer waits for that day; an offer not yet sent is dropped.</summary>
public static class LeaveWaitlist
{
    public sealed class Handler(BookingDb db, WriteGate gate, TimeProvider clock)
    {
        /// <summary>False when the wait is not the client's or has already ended (a second tap).</summary>
        public async Task<bool> HandleAsync(long clientId, int waitId, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var wait = await db.WaitlistEntries.WithOpenOffers()
                .SingleOrDefaultAsync(e => e.Id == waitId && e.ClientId == clientId && e.Status == WaitStatus.Waiting, ct);
            if (wait is null)
            {
                return false;
            }

            wait.Close(WaitStatus.Left, clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return true;
        }
    }
}
