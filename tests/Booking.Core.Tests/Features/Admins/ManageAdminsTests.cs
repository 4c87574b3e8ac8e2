using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Admins;

public abstract class ManageAdminsTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync(storage);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<ManageAdmins.Outcome> RunAsync(Func<ManageAdmins.Handler, Task<ManageAdmins.Outcome>> call) =>
        _world.RunAsync(call);

    [StorageFact]
    public async Task The_last_super_admin_can_be_neither_demoted_nor_removed()
    {
        // No owners in this world: the only super admin is the one added in the bot.
        Assert.Equal(ManageAdmins.Outcome.Done, await RunAsync(h => h.AddAsync(1, 10, AdminRole.SuperAdmin, default)));
        Assert.Equal(ManageAdmins.Outcome.Done, await RunAsync(h => h.AddAsync(10, 11, AdminRole.Moderator, default)));

        Assert.Equal(ManageAdmins.Outcome.LastSuperAdmin, await RunAsync(h => h.ChangeRoleAsync(10, 10, AdminRole.Moderator, default)));
        Assert.Equal(ManageAdmins.Outcome.LastSuperAdmin, await RunAsync(h => h.RemoveAsync(10, 10, default)));

        Assert.Equal(ManageAdmins.Outcome.Done, await RunAsync(h => h.ChangeRoleAsync(10, 11, AdminRole.SuperAdmin, default)));
        Assert.Equal(ManageAdmins.Outcome.Done, await RunAsync(h => h.RemoveAsync(11, 10, default)));
        var left = await _world.InDbAsync(db => db.Admins.SingleAsync());
        Assert.Equal((11L, AdminRole.SuperAdmin), (left.UserId, left.Role));
    }

    [StorageFact]
    public async Task Adding_twice_and_touching_someone_who_is_not_an_admin_change_nothing()
    {
        Assert.Equal(ManageAdmins.Outcome.Done, await RunAsync(h => h.AddAsync(1, 10, AdminRole.Moderator, default)));
        Assert.Equal(ManageAdmins.Outcome.AlreadyAdmin, await RunAsync(h => h.AddAsync(1, 10, AdminRole.SuperAdmin, default)));
        Assert.Equal(ManageAdmins.Outcome.NotFound, await RunAsync(h => h.RemoveAsync(1, 99, default)));
        Assert.Equal(ManageAdmins.Outcome.Unchanged, await RunAsync(h => h.ChangeRoleAsync(1, 10, AdminRole.Moderator, default)));

        Assert.Equal(1, await _world.InDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [StorageTheory]
    [InlineData(AdminRole.SuperAdmin, Permission.ManageAdmins, true)]
    [InlineData(AdminRole.SuperAdmin, Permission.EditTexts, true)]
    [InlineData(AdminRole.Moderator, Permission.ManageBookings, true)]
    [InlineData(AdminRole.Moderator, Permission.ManageServices, true)]
    [InlineData(AdminRole.Moderator, Permission.ManageAdmins, false)]
    [InlineData(AdminRole.Moderator, Permission.ManageSettings, false)]
    [InlineData(AdminRole.Moderator, Permission.ViewAudit, false)]
    [InlineData(AdminRole.Moderator, Permission.ExportData, false)]
    [InlineData(AdminRole.Moderator, Permission.Broadcast, false)]
    [InlineData(null, Permission.ViewDashboard, false)]
    public void The_permission_matrix_denies_by_default(AdminRole? role, Permission permission, bool allowed) =>
        Assert.Equal(allowed, Permissions.Allows(role, permission));
}

public sealed class ManageAdminsOnSqlite() : ManageAdminsTests(Storage.Sqlite);

public sealed class ManageAdminsOnPostgres() : ManageAdminsTests(Storage.Postgres), IRunsOnPostgres;
