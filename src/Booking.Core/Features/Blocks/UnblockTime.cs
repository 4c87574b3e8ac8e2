using Booking.Core.Data;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Blocks;

/// <summary>A6: reopens blocked time. Bookings the block cancelled stay cancelled; the time is simply free again.</summary>
public static class UnblockTime
{
    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit)
    {
        /// <summary>False when there is no such block (already removed).</summary>
        public async Task<bool> HandleAsync(long actorId, int blockId, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var block = await db.Blocks.SingleOrDefaultAsync(b => b.Id == blockId, ct);
            if (block is null)
            {
                return false;
            }

            db.Blocks.Remove(block);
            audit.Record(actorId, "block.remove", $"block:{blockId}", new { startUtc = block.StartUtc, endUtc = block.EndUtc, reason = block.Reason }, null);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return true;
        }
    }
}
