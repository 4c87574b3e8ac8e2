using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Calendar;

/// <summary>
/// X2: an admin makes, replaces and revokes their own feed link. A new link revokes the old one in the same write;
/// both are audited, without the token or its hash.
/// </summary>
public static class ManageFeedLink
{
    public sealed class Handler(BookingDb db, AuditLog audit, TimeProvider clock)
    {
        /// <summary>When the admin's live link was made; null when they have none.</summary>
        public async Task<DateTime?> CreatedAsync(long adminId, CancellationToken ct) =>
            await db.CalendarFeeds.AsNoTracking().Where(f => f.AdminId == adminId).Select(f => (DateTime?)f.CreatedUtc).SingleOrDefaultAsync(ct);

        /// <summary>Makes a new link (dropping any old one) and returns its token, which is never stored.</summary>
        public async Task<string> CreateAsync(long adminId, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.AdminId == adminId, ct);
            var before = feed is null ? null : new { created = feed.CreatedUtc };
            string token;
            if (feed is null)
            {
                (feed, token) = CalendarFeed.Create(adminId, nowUtc);
                db.CalendarFeeds.Add(feed);
            }
            else
            {
                token = feed.Renew(nowUtc);
            }

            audit.Record(adminId, "calendar_feed.create", $"user:{adminId}", before, new { created = nowUtc });
            await db.SaveChangesAsync(ct);
            return token;
        }

        /// <summary>False when there was no link to revoke.</summary>
        public async Task<bool> RevokeAsync(long adminId, CancellationToken ct)
        {
            var feed = await db.CalendarFeeds.SingleOrDefaultAsync(f => f.AdminId == adminId, ct);
            if (feed is null)
            {
                return false;
            }

            db.CalendarFeeds.Remove(feed);
            audit.Record(adminId, "calendar_feed.revoke", $"user:{adminId}", new { created = feed.CreatedUtc }, null);
            await db.SaveChangesAsync(ct);
            return true;
        }
    }
}
