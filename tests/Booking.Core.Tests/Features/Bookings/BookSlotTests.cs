using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Bookings;

public abstract class BookSlotTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, 2);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<BookSlot.Result> BookAsync(long client, DateTime startUtc, int? serviceId = null) =>
        _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(client, serviceId ?? _world.ServiceId, startUtc), default));

    [StorageFact]
    public async Task Books_a_free_slot_with_the_services_duration_price_and_a_history_entry()
    {
        var result = await BookAsync(1, CoreWorld.Moscow(12, 2, 10));

        Assert.Equal(BookSlot.Outcome.Booked, result.Outcome);
        var stored = await _world.InDbAsync(db => db.Bookings.Include(b => b.History).SingleAsync());
        Assert.Equal(CoreWorld.Moscow(12, 2, 10), stored.StartUtc);
        Assert.Equal(CoreWorld.Moscow(12, 2, 11), stored.EndUtc);
        Assert.Equal(60, stored.DurationMinutes);
        Assert.Equal(2500m, stored.Price);
        Assert.Equal(BookingStatus.Confirmed, stored.Status);
        var created = Assert.Single(stored.History);
        Assert.Equal(BookingChange.Created, created.Change);
        Assert.Equal(Actor.Client, created.Actor);
    }

    [StorageFact]
    public async Task Refuses_a_slot_overlapping_another_clients_booking()
    {
        var ninety = await _world.InDbAsync(async db =>
        {
            var s = new Service("Long", null, 90, 10m, "RUB", 5);
            s.UseSlotInterval(30);
            db.Services.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        Assert.Equal(BookSlot.Outcome.Booked, (await BookAsync(1, CoreWorld.Moscow(12, 2, 10), ninety)).Outcome);

        Assert.Equal(SlotCheck.Taken, Refused.Why(await BookAsync(2, CoreWorld.Moscow(12, 2, 11))));
        Assert.Equal(BookSlot.Outcome.Booked, (await BookAsync(2, CoreWorld.Moscow(12, 2, 12))).Outcome);
    }

    [StorageFact]
    public async Task Back_to_back_bookings_are_allowed()
    {
        Assert.Equal(BookSlot.Outcome.Booked, (await BookAsync(1, CoreWorld.Moscow(12, 2, 10))).Outcome);
        Assert.Equal(BookSlot.Outcome.Booked, (await BookAsync(2, CoreWorld.Moscow(12, 2, 11))).Outcome);
    }

    [StorageFact]
    public async Task Refuses_the_past_and_slots_inside_the_minimum_notice()
    {
        Assert.Equal(SlotCheck.TooSoon, Refused.Why(await BookAsync(1, CoreWorld.Moscow(11, 30, 10))));
        Assert.Equal(SlotCheck.TooSoon, Refused.Why(await BookAsync(1, CoreWorld.Moscow(12, 1, 9))));
        Assert.Equal(BookSlot.Outcome.Booked, (await BookAsync(1, CoreWorld.Moscow(12, 1, 10))).Outcome);
    }

    [StorageFact]
    public async Task Refuses_times_the_bot_never_offers()
    {
        Assert.Equal(SlotCheck.NotOffered, Refused.Why(await BookAsync(1, CoreWorld.Moscow(12, 2, 8))));
        Assert.Equal(SlotCheck.NotOffered, Refused.Why(await BookAsync(1, CoreWorld.Moscow(12, 2, 10, 17))));
        Assert.Equal(SlotCheck.NotOffered, Refused.Why(await BookAsync(1, CoreWorld.Moscow(12, 2, 18))));
        Assert.Empty(await _world.InDbAsync(db => db.Bookings.ToListAsync()));
    }

    [StorageFact]
    public async Task Refuses_beyond_the_horizon()
    {
        var farAway = new DateTime(2027, 6, 1, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal(SlotCheck.BeyondHorizon, Refused.Why(await BookAsync(1, farAway)));
    }

    [StorageFact]
    public async Task Refuses_an_inactive_or_unknown_service()
    {
        Assert.Equal(BookSlot.Outcome.ServiceUnavailable, (await BookAsync(1, CoreWorld.Moscow(12, 2, 10), 9999)).Outcome);
        await _world.InDbAsync(async db =>
        {
            (await db.Services.SingleAsync(s => s.Id == _world.ServiceId)).Deactivate();
            await db.SaveChangesAsync();
        });
        Assert.Equal(BookSlot.Outcome.ServiceUnavailable, (await BookAsync(1, CoreWorld.Moscow(12, 2, 10))).Outcome);
    }

    [StorageFact]
    public async Task Refuses_a_fourth_active_booking_but_counts_only_future_confirmed_ones()
    {
        for (var hour = 10; hour < 13; hour++)
        {
            Assert.Equal(BookSlot.Outcome.Booked, (await BookAsync(1, CoreWorld.Moscow(12, 2, hour))).Outcome);
        }

        var fourth = await BookAsync(1, CoreWorld.Moscow(12, 2, 14));
        Assert.Equal(BookSlot.Outcome.LimitReached, fourth.Outcome);
        Assert.Equal(3, fourth.Limit);

        // Once the first visit has started it no longer counts against the limit.
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 2, 10, 30)));
        Assert.Equal(BookSlot.Outcome.Booked, (await BookAsync(1, CoreWorld.Moscow(12, 2, 14))).Outcome);
    }

    [StorageFact]
    public async Task A_repeated_confirm_returns_the_existing_booking_instead_of_a_conflict()
    {
        var first = await BookAsync(1, CoreWorld.Moscow(12, 2, 10));
        var again = await BookAsync(1, CoreWorld.Moscow(12, 2, 10));

        Assert.Equal(BookSlot.Outcome.AlreadyBooked, again.Outcome);
        Assert.Equal(first.Booking!.Id, again.Booking!.Id);
        Assert.Single(await _world.InDbAsync(db => db.Bookings.ToListAsync()));
    }

    [StorageFact]
    public async Task A_block_overlapping_the_slot_makes_it_unavailable()
    {
        await _world.InDbAsync(async db =>
        {
            db.Blocks.Add(new Block(CoreWorld.Moscow(12, 2, 10, 30), CoreWorld.Moscow(12, 2, 10, 45), "break", null, CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });
        Assert.Equal(SlotCheck.Taken, Refused.Why(await BookAsync(1, CoreWorld.Moscow(12, 2, 10))));
    }
}

public sealed class BookSlotOnSqlite() : BookSlotTests(Storage.Sqlite);

public sealed class BookSlotOnPostgres() : BookSlotTests(Storage.Postgres), IRunsOnPostgres;
