using Booking.Core.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Clients;

public abstract class MarkClientBlockedTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1001, 1002);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<bool> IsBlockedAsync(long id) => _world.InDbAsync(db => db.Clients.Where(c => c.Id == id).Select(c => c.IsBlocked).SingleAsync());

    [StorageFact]
    public async Task Marks_only_that_client_and_reports_the_change_only_the_first_time()
    {
        var first = await _world.RunAsync<MarkClientBlocked.Handler, bool>(h => h.HandleAsync(1001, CancellationToken.None));
        var second = await _world.RunAsync<MarkClientBlocked.Handler, bool>(h => h.HandleAsync(1001, CancellationToken.None));

        Assert.True(first);
        Assert.False(second);
        Assert.True(await IsBlockedAsync(1001));
        Assert.False(await IsBlockedAsync(1002));
    }

    [StorageFact]
    public async Task An_unknown_chat_changes_nothing()
    {
        Assert.False(await _world.RunAsync<MarkClientBlocked.Handler, bool>(h => h.HandleAsync(4242, CancellationToken.None)));
    }

    [StorageFact]
    public async Task The_scope_that_saw_the_client_active_does_not_write_the_old_flag_back()
    {
        await _world.InDbAsync(async db =>
        {
            (await db.Clients.SingleAsync(c => c.Id == 1001)).MarkBlocked();
            await db.SaveChangesAsync();
        });

        await _world.InDbAsync(async db =>
        {
            // The update came from them, so the scope first sees them active; then the reply bounces with 403.
            var client = await db.Clients.SingleAsync(c => c.Id == 1001);
            client.Seen("Renamed", null, null, "ru", CoreWorld.Now.UtcDateTime);
            await new MarkClientBlocked.Handler(db).HandleAsync(1001, CancellationToken.None);
            await db.SaveChangesAsync();
        });

        Assert.True(await IsBlockedAsync(1001));
        Assert.Equal("Renamed", await _world.InDbAsync(db => db.Clients.Where(c => c.Id == 1001).Select(c => c.FirstName).SingleAsync()));
    }
}

public sealed class MarkClientBlockedOnSqlite() : MarkClientBlockedTests(Storage.Sqlite);

public sealed class MarkClientBlockedOnPostgres() : MarkClientBlockedTests(Storage.Postgres), IRunsOnPostgres;
