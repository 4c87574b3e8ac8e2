using System.Data.Common;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Data.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Core.Tests.Data;

/// <summary>What PostgreSQL itself guarantees, beneath the features: the exclusion constraint and UTC instants.</summary>
public sealed class PostgresStorageTests : IAsyncLifetime, IRunsOnPostgres
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        if (TestPostgres.SkipReason is null)
        {
            _world = await CoreWorld.CreateAsync(Storage.Postgres);
            await _world.AddClientsAsync(1, 2);
        }
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }

    [StorageFact]
    public async Task A_direct_insert_of_an_overlapping_confirmed_booking_is_refused_by_the_exclusion_constraint()
    {
        await InsertAsync(1, CoreWorld.Moscow(12, 2, 10));

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(2, CoreWorld.Moscow(12, 2, 10, 30)));

        Assert.Equal(WriteGate.ExclusionViolation, Assert.IsAssignableFrom<DbException>(refused.InnerException).SqlState);
        Assert.True(WriteGate.IsOverlap(refused));
        Assert.Equal(1, await _world.InDbAsync(db => db.Bookings.CountAsync()));
    }

    [StorageFact]
    public async Task A_booking_held_for_payment_is_covered_by_the_exclusion_constraint_both_ways()
    {
        var held = await _world.InDbAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == _world.ServiceId);
            var booking = Booking.Core.Domain.Booking.Hold(1, service, 100m, CoreWorld.Moscow(12, 2, 10), CoreWorld.Now.UtcDateTime.AddMinutes(10), CoreWorld.Now.UtcDateTime);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync();
            return booking.Id;
        });

        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => InsertAsync(2, CoreWorld.Moscow(12, 2, 10, 30)));

        Assert.True(WriteGate.IsOverlap(refused));
        await _world.InDbAsync(async db =>
        {
            (await db.Bookings.SingleAsync(b => b.Id == held)).ReleaseHold(CoreWorld.Now.UtcDateTime);
            await db.SaveChangesAsync();
        });
        await InsertAsync(2, CoreWorld.Moscow(12, 2, 10, 30));
    }

    [StorageFact]
    public async Task Back_to_back_bookings_and_an_overlap_with_a_cancelled_one_are_allowed()
    {
        var cancelled = await InsertAsync(1, CoreWorld.Moscow(12, 2, 10));
        await _world.InDbAsync(async db =>
        {
            (await db.Bookings.SingleAsync(b => b.Id == cancelled)).Cancel(Actor.Client, 1, null, CoreWorld.Now.UtcDateTime);
            await db.SaveChangesAsync();
        });

        await InsertAsync(2, CoreWorld.Moscow(12, 2, 10, 30));
        await InsertAsync(1, CoreWorld.Moscow(12, 2, 11, 30));

        Assert.Equal(2, await _world.InDbAsync(db => db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed)));
    }

    [StorageFact]
    public async Task A_refused_overlap_through_the_gate_is_reported_and_nothing_is_kept()
    {
        await InsertAsync(1, CoreWorld.Moscow(12, 2, 10));

        var saved = await _world.InDbAsync(async db =>
        {
            await using var write = await new WriteGate(db).BeginAsync(default);
            db.Bookings.Add(await NewBookingAsync(db, 2, CoreWorld.Moscow(12, 2, 10)));
            return (await write.TrySaveAndCommitAsync(default), db.ChangeTracker.Entries().Count());
        });

        Assert.Equal((false, 0), saved);
        Assert.Equal(1, await _world.InDbAsync(db => db.Bookings.CountAsync()));
    }

    [StorageFact]
    public async Task A_deferred_overlap_check_allows_passing_through_overlaps_and_refuses_one_left_at_commit()
    {
        var first = await InsertAsync(1, CoreWorld.Moscow(12, 3, 10));
        var second = await InsertAsync(2, CoreWorld.Moscow(12, 3, 11));

        var shifted = await ShiftAsync([first, second], hours: 1);
        var collided = await ShiftAsync([first], hours: 1);

        Assert.True(shifted);
        Assert.False(collided);
        var starts = await _world.InDbAsync(db => db.Bookings.OrderBy(b => b.Id).Select(b => b.StartUtc).ToListAsync());
        Assert.Equal([CoreWorld.Moscow(12, 3, 11), CoreWorld.Moscow(12, 3, 12)], starts);
    }

    [StorageFact]
    public async Task Instants_are_stored_as_timestamp_with_time_zone_and_read_back_as_utc()
    {
        var id = await InsertAsync(1, CoreWorld.Moscow(12, 2, 10));

        var type = await _world.InDbAsync(db => db.Database.SqlQuery<string>(
            $"SELECT data_type AS \"Value\" FROM information_schema.columns WHERE table_name = 'Bookings' AND column_name = 'StartUtc'").SingleAsync());
        var stored = await _world.InDbAsync(db => db.Bookings.AsNoTracking().SingleAsync(b => b.Id == id));
        var hour = await _world.InDbAsync(db => db.Database.SqlQuery<int>(
            $"SELECT CAST(EXTRACT(HOUR FROM \"StartUtc\" AT TIME ZONE 'UTC') AS integer) AS \"Value\" FROM \"Bookings\"").SingleAsync());

        Assert.Equal("timestamp with time zone", type);
        Assert.Equal(DateTimeKind.Utc, stored.StartUtc.Kind);
        Assert.Equal(CoreWorld.Moscow(12, 2, 10), stored.StartUtc);
        Assert.Equal(7, hour);
    }

    [Theory]
    [InlineData("postgres://bot:s%40cret@db.example:6543/booking?sslmode=require", "db.example", 6543, "booking", "bot", "s@cret")]
    [InlineData("postgresql://bot@localhost/booking", "localhost", 5432, "booking", "bot", null)]
    [InlineData("Host=localhost;Port=5433;Database=booking;Username=bot;Password=pw", "localhost", 5433, "booking", "bot", "pw")]
    public void A_database_url_becomes_an_npgsql_connection_string(string url, string host, int port, string database, string user, string? password)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(PostgresStorage.ConnectionString(url));

        Assert.Equal((host, port, database, user, password), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
    }

    private Task<bool> ShiftAsync(int[] ids, int hours) => _world.InDbAsync(async db =>
    {
        await using var write = await new WriteGate(db).BeginAsync(default);
        await write.DeferOverlapCheckAsync(default);
        var settings = await db.Settings.SingleAsync();
        foreach (var booking in await db.Bookings.Where(b => ids.Contains(b.Id)).OrderBy(b => b.StartUtc).ToListAsync())
        {
            booking.MoveTo(booking.StartUtc.AddHours(hours), Actor.Admin, 1, NotificationPlan.From(settings), CoreWorld.Now.UtcDateTime);
        }

        return await write.TrySaveAndCommitAsync(default);
    });

    private Task<int> InsertAsync(long client, DateTime startUtc) => _world.InDbAsync(async db =>
    {
        var booking = await NewBookingAsync(db, client, startUtc);
        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
        return booking.Id;
    });

    private async Task<Booking.Core.Domain.Booking> NewBookingAsync(BookingDb db, long client, DateTime startUtc)
    {
        var service = await db.Services.SingleAsync(s => s.Id == _world.ServiceId);
        var settings = await db.Settings.SingleAsync();
        return Booking.Core.Domain.Booking.Create(client, service, startUtc, Actor.Client, client, NotificationPlan.From(settings), CoreWorld.Now.UtcDateTime);
    }
}
