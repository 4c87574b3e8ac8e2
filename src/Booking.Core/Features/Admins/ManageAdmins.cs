using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Admins;

/// <summary>
/// A1: super admins add admins by Telegram id, change their role and remove them. Owners (ADMIN_IDS) cannot be
/// changed from the bot, and the last super admin can never be removed or demoted. Every change is audited.
/// </summary>
public static class ManageAdmins
{
    public enum Outcome
    {
        Done = 0,
        AlreadyAdmin = 1,
        NotFound = 2,

        /// <summary>The target is an owner from ADMIN_IDS.</summary>
        Owner = 3,
        LastSuperAdmin = 4,
        Unchanged = 5,
    }

    public sealed record Entry(long UserId, AdminRole Role, bool IsOwner, string? Name);

    public sealed class Handler(BookingDb db, Owners owners, AuditLog audit, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Entry>> ListAsync(CancellationToken ct)
        {
            var added = await db.Admins.AsNoTracking().OrderBy(a => a.AddedUtc).ToListAsync(ct);
            var ids = owners.Ids.Concat(added.Select(a => a.UserId)).ToList();
            var names = await db.Clients.AsNoTracking().Where(c => ids.Contains(c.Id))
                .Select(c => new { c.Id, c.FirstName, c.Username }).ToDictionaryAsync(c => c.Id, ct);
            string? NameOf(long id) => names.TryGetValue(id, out var c) ? (c.Username is { } u ? "@" + u : c.FirstName) : null;
            return owners.Ids.Order().Select(id => new Entry(id, AdminRole.SuperAdmin, true, NameOf(id)))
                .Concat(added.Select(a => new Entry(a.UserId, a.Role, false, NameOf(a.UserId))))
                .ToList();
        }

        public async Task<Outcome> AddAsync(long actorId, long userId, AdminRole role, CancellationToken ct)
        {
            if (owners.Ids.Contains(userId) || await db.Admins.AnyAsync(a => a.UserId == userId, ct))
            {
                return Outcome.AlreadyAdmin;
            }

            db.Admins.Add(new Admin(userId, role, actorId, clock.GetUtcNow().UtcDateTime));
            audit.Record(actorId, "admin.add", $"user:{userId}", null, new { role = role.ToString() });
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }

        public async Task<Outcome> ChangeRoleAsync(long actorId, long userId, AdminRole role, CancellationToken ct)
        {
            var (admin, refusal) = await FindChangeableAsync(userId, ct);
            if (admin is null)
            {
                return refusal;
            }

            if (admin.Role == role)
            {
                return Outcome.Unchanged;
            }

            if (admin.Role == AdminRole.SuperAdmin && await IsLastSuperAdminAsync(ct))
            {
                return Outcome.LastSuperAdmin;
            }

            audit.Record(actorId, "admin.role", $"user:{userId}", new { role = admin.Role.ToString() }, new { role = role.ToString() });
            admin.ChangeRole(role);
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }

        public async Task<Outcome> RemoveAsync(long actorId, long userId, CancellationToken ct)
        {
            var (admin, refusal) = await FindChangeableAsync(userId, ct);
            if (admin is null)
            {
                return refusal;
            }

            if (admin.Role == AdminRole.SuperAdmin && await IsLastSuperAdminAsync(ct))
            {
                return Outcome.LastSuperAdmin;
            }

            audit.Record(actorId, "admin.remove", $"user:{userId}", new { role = admin.Role.ToString() }, null);
            db.Admins.Remove(admin);

            // The feed would be refused anyway (it checks the role on every request); the row goes with the admin.
            db.CalendarFeeds.RemoveRange(await db.CalendarFeeds.Where(f => f.AdminId == userId).ToListAsync(ct));
            await db.SaveChangesAsync(ct);
            return Outcome.Done;
        }

        private async Task<(Admin? Admin, Outcome Refusal)> FindChangeableAsync(long userId, CancellationToken ct)
        {
            if (owners.Ids.Contains(userId))
            {
                return (null, Outcome.Owner);
            }

            var admin = await db.Admins.SingleOrDefaultAsync(a => a.UserId == userId, ct);
            return (admin, Outcome.NotFound);
        }

        private Task<bool> IsLastSuperAdminAsync(CancellationToken ct) => ManageAdmins.IsLastSuperAdminAsync(db, owners, ct);
    }

    /// <summary>True when no other super admin would be left: owners count, and so do admins promoted in the bot.</summary>
    public static async Task<bool> IsLastSuperAdminAsync(BookingDb db, Owners owners, CancellationToken ct) =>
        owners.Ids.Count + await db.Admins.CountAsync(a => a.Role == AdminRole.SuperAdmin, ct) <= 1;
}
