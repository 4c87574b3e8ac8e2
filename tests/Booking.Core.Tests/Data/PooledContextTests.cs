using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Core.Tests.Data;

/// <summary>Contexts come from a pool (ADR 0027): whatever one scope left in a context must not reach the next scope.</summary>
public abstract class PooledContextTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync(storage);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [StorageFact]
    public async Task The_mark_of_an_update_that_failed_is_not_saved_by_the_next_scope_that_gets_the_same_context()
    {
        BookingDb first;
        await using (var failed = _world.NewScope())
        {
            first = failed.ServiceProvider.GetRequiredService<BookingDb>();
            first.MarkUpdateApplied(111, CoreWorld.Now.UtcDateTime);
            first.Clients.Add(new Client(501, "Left behind", null, null, "ru", CoreWorld.Now.UtcDateTime));

            // The handler failed here: nothing was saved, and the scope ends.
        }

        // A worker's scope (no update of its own) saves with the same context. Had it saved update 111's mark, Telegram's
        // redelivery of 111 would be dropped as already applied: an update lost.
        await using (var worker = _world.NewScope())
        {
            var db = worker.ServiceProvider.GetRequiredService<BookingDb>();
            Assert.Same(first, db);
            Assert.False(db.ChangeTracker.HasChanges());
            db.Clients.Add(new Client(502, "Saved", null, null, "ru", CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        }

        var (marks, clients) = await _world.InDbAsync(async db => (
            await db.ProcessedUpdates.Select(p => p.UpdateId).ToListAsync(),
            await db.Clients.Where(c => c.Id > 500).Select(c => c.Id).ToListAsync()));
        Assert.Empty(marks);
        Assert.Equal([502L], clients);
    }

    [StorageFact]
    public async Task Scopes_running_at_once_each_get_a_context_of_their_own()
    {
        await using var one = _world.NewScope();
        await using var two = _world.NewScope();
        Assert.NotSame(one.ServiceProvider.GetRequiredService<BookingDb>(), two.ServiceProvider.GetRequiredService<BookingDb>());
        Assert.Same(one.ServiceProvider.GetRequiredService<BookingDb>(), one.ServiceProvider.GetRequiredService<BookingDb>());
    }
}

public sealed class PooledContextOnSqlite() : PooledContextTests(Storage.Sqlite);

public sealed class PooledContextOnPostgres() : PooledContextTests(Storage.Postgres), IRunsOnPostgres;
