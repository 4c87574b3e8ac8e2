using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Admins;

/// <summary>The owners named at start (ADMIN_IDS): always super admins, never removable from the bot.</summary>
public sealed record Owners(IReadOnlySet<long> Ids);

/// <summary>
/// A1: the one place that decides who is an admin and what they may do. Every admin command, message and button
/// goes through <see cref="CanAsync"/>; the answer comes from the database on each call, so a removal or a
/// demotion takes effect on the very next tap.
/// </summary>
public sealed class AccessControl(BookingDb db, Owners owners)
{
    // Compiled once per model (CompiledQuery): it runs on every update (see ScheduleReader on why).
    private static readonly CompiledQuery<Func<BookingDb, long, CancellationToken, Task<Admin?>>> AdminQuery = new(() =>
        EF.CompileAsyncQuery((BookingDb db, long userId, CancellationToken ct) => db.Admins.AsNoTracking().SingleOrDefault(a => a.UserId == userId)));

    public async Task<AdminRole?> RoleOfAsync(long userId, CancellationToken ct)
    {
        if (owners.Ids.Contains(userId))
        {
            return AdminRole.SuperAdmin;
        }

        var admin = await AdminQuery.For(db)(db, userId, ct);
        return admin?.Role;
    }

    public async Task<bool> CanAsync(long userId, Permission permission, CancellationToken ct) =>
        Permissions.Allows(await RoleOfAsync(userId, ct), permission);

    /// <summary>Everyone who should hear about bookings: the owners and every admin added in the bot.</summary>
    public async Task<IReadOnlyList<long>> AllAdminIdsAsync(CancellationToken ct)
    {
        var added = await db.Admins.AsNoTracking().Select(a => a.UserId).ToListAsync(ct);
        return owners.Ids.Concat(added).Distinct().ToList();
    }
}
