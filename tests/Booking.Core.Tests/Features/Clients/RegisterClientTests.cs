using Booking.Core.Domain;
using Booking.Core.Features.Clients;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Clients;

public abstract class RegisterClientTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync(storage);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<RegisterClient.Result> SeenAsync(string firstName, string? username = null) =>
        _world.InDbAsync(async db =>
        {
            var result = await new RegisterClient.Handler(db, _world.Clock).HandleAsync(new RegisterClient.Request(1001, firstName, null, username, "ru"), CancellationToken.None);
            await db.SaveChangesAsync();
            return result;
        });

    private Task<Client> StoredAsync() => _world.InDbAsync(db => db.Clients.AsNoTracking().SingleAsync(c => c.Id == 1001));

    [StorageFact]
    public async Task A_newcomer_is_stored_once_and_told_apart_from_a_returning_client()
    {
        var first = await SeenAsync("Анна");
        var again = await SeenAsync("Анна");

        Assert.True(first.IsNew);
        Assert.False(again.IsNew);
        Assert.Equal(1, await _world.InDbAsync(db => db.Clients.CountAsync()));
    }

    [StorageFact]
    public async Task Last_seen_moves_once_a_minute_while_a_new_name_is_written_at_once()
    {
        await SeenAsync("Анна");
        var registered = (await StoredAsync()).LastSeenUtc;

        _world.Clock.Advance(TimeSpan.FromSeconds(40));
        await SeenAsync("Аня", "anya");
        var stored = await StoredAsync();
        Assert.Equal(registered, stored.LastSeenUtc);
        Assert.Equal(("Аня", "anya"), (stored.FirstName, stored.Username));

        _world.Clock.Advance(TimeSpan.FromSeconds(30));
        await SeenAsync("Аня", "anya");
        Assert.Equal(_world.Clock.GetUtcNow().UtcDateTime, (await StoredAsync()).LastSeenUtc);
    }
}

public sealed class RegisterClientOnSqlite() : RegisterClientTests(Storage.Sqlite);

public sealed class RegisterClientOnPostgres() : RegisterClientTests(Storage.Postgres), IRunsOnPostgres;
