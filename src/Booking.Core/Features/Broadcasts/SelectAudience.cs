using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Broadcasts;

/// <summary>
/// A7: the clients a broadcast reaches. Admins are staff, not clients, and are left out; so are clients who
/// blocked the bot, since nothing can reach them. "Inactive" means nothing sent to the bot (a message, a button)
/// for that many days.
/// </summary>
public static class SelectAudience
{
    public sealed class Handler(BookingDb db, AccessControl access, TimeProvider clock)
    {
        public async Task<int> CountAsync(Audience audience, CancellationToken ct) =>
            await (await QueryAsync(audience, ct)).CountAsync(ct);

        public async Task<List<long>> IdsAsync(Audience audience, CancellationToken ct) =>
            await (await QueryAsync(audience, ct)).OrderBy(id => id).ToListAsync(ct);

        private async Task<IQueryable<long>> QueryAsync(Audience audience, CancellationToken ct)
        {
            var staff = await access.AllAdminIdsAsync(ct);
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var clients = db.Clients.AsNoTracking().Where(c => !c.IsBlocked && !staff.Contains(c.Id));
            clients = audience.Kind switch
            {
                AudienceKind.WithFutureBookings => clients.Where(c =>
                    db.Bookings.Any(b => b.ClientId == c.Id && b.Status == BookingStatus.Confirmed && b.StartUtc > nowUtc)),
                AudienceKind.Inactive => clients.Where(c => c.LastSeenUtc <= nowUtc.AddDays(-audience.InactiveDays)),
                _ => clients,
            };
            return clients.Select(c => c.Id);
        }
    }
}
