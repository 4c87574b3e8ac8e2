using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Blocks;

/// <summary>A6: blocks that are not over yet, soonest first.</summary>
public static class ListBlocks
{
    public sealed class Handler(BookingDb db, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Block>> HandleAsync(int limit, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            return await db.Blocks.AsNoTracking().Where(b => b.EndUtc > nowUtc)
                .OrderBy(b => b.StartUtc).ThenBy(b => b.Id).Take(limit).ToListAsync(ct);
        }
    }
}
