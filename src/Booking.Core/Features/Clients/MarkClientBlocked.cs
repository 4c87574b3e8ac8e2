using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Clients;

/// <summary>
/// P6: Telegram refused a message because the user blocked the bot (403). The flag is set with a conditional
/// update, so of several messages failing at once (a reply, an admin notice) exactly one sees the change and the
/// block is logged once. Nothing else about the client or their bookings changes.
/// </summary>
public static class MarkClientBlocked
{
    public sealed class Handler(BookingDb db)
    {
        /// <summary>True when this call is the one that marked the client; false when already marked or unknown.</summary>
        public async Task<bool> HandleAsync(long clientId, CancellationToken ct)
        {
            // The same scope may track this client (it is who the update came from); keep that copy in step,
            // or the scope's final save would write the old flag back.
            db.Clients.Local.FirstOrDefault(c => c.Id == clientId)?.MarkBlocked();
            using var turn = await db.WriterTurnAsync(ct);
            var changed = await db.Clients.Where(c => c.Id == clientId && !c.IsBlocked)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.IsBlocked, true), ct);
            return changed > 0;
        }
    }
}
