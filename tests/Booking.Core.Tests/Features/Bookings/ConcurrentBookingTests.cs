using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Bookings;

/// <summary>Real parallel writers on one database (SQLite or PostgreSQL): the invariants must hold however the race falls.</summary>
public abstract class ConcurrentBookingTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync(storage);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<BookSlot.Result> BookAsync(long client, DateTime startUtc) =>
        _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(client, _world.ServiceId, startUtc), default));

    [StorageFact]
    public async Task Fifty_clients_racing_for_one_slot_produce_exactly_one_booking()
    {
        var clients = Enumerable.Range(1, 50).Select(i => (long)i).ToArray();
        await _world.AddClientsAsync(clients);
        var slot = CoreWorld.Moscow(12, 4, 15);

        var results = await Task.WhenAll(clients.Select(c => Task.Run(() => BookAsync(c, slot))));

        Assert.Equal(1, results.Count(r => r.Outcome == BookSlot.Outcome.Booked));
        Assert.Equal(49, results.Count(r => r.Check == SlotCheck.Taken));
        Assert.Equal(1, await _world.InDbAsync(db => db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed)));
    }

    [StorageFact]
    public async Task One_client_racing_for_ten_slots_gets_exactly_the_limit()
    {
        await _world.AddClientsAsync(7);
        var slots = Enumerable.Range(9, 9).Select(h => CoreWorld.Moscow(12, 5, h)).Append(CoreWorld.Moscow(12, 6, 9)).ToArray();

        var results = await Task.WhenAll(slots.Select(s => Task.Run(() => BookAsync(7, s))));

        Assert.Equal(3, results.Count(r => r.Outcome == BookSlot.Outcome.Booked));
        Assert.Equal(7, results.Count(r => r.Outcome == BookSlot.Outcome.LimitReached));
        Assert.Equal(3, await _world.InDbAsync(db => db.Bookings.CountAsync(b => b.ClientId == 7)));
    }

    [StorageFact]
    public async Task Random_overlapping_attempts_never_leave_two_active_bookings_overlapping()
    {
        var clients = Enumerable.Range(100, 40).Select(i => (long)i).ToArray();
        await _world.AddClientsAsync(clients);
        var random = new Random(20261126);
        var attempts = clients.Select(c => (Client: c, Start: CoreWorld.Moscow(12, 7, random.Next(9, 17)))).ToArray();

        await Task.WhenAll(attempts.Select(a => Task.Run(() => BookAsync(a.Client, a.Start))));

        var active = await _world.InDbAsync(db => db.Bookings.Where(b => b.Status == BookingStatus.Confirmed).OrderBy(b => b.StartUtc).ToListAsync());
        Assert.NotEmpty(active);
        for (var i = 1; i < active.Count; i++)
        {
            Assert.True(active[i - 1].EndUtc <= active[i].StartUtc, $"bookings {active[i - 1].Id} and {active[i].Id} overlap");
        }

        Assert.Equal(attempts.Select(a => a.Start).Distinct().Count(), active.Count);
    }
}

public sealed class ConcurrentBookingOnSqlite() : ConcurrentBookingTests(Storage.Sqlite);

public sealed class ConcurrentBookingOnPostgres() : ConcurrentBookingTests(Storage.Postgres), IRunsOnPostgres;
