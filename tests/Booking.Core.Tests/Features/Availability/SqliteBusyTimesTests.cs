using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Core.Tests.Features.Availability;

/// <summary>
/// On SQLite the calendar's busy time is read by hand-written SQL (ADR 0027); it must return exactly the intervals EF's
/// LINQ query returns, which PostgreSQL still runs.
/// </summary>
public sealed class SqliteBusyTimesTests : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Returns_the_same_intervals_as_the_linq_query_for_every_status_bound_and_an_ignored_booking()
    {
        var day = new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc);
        int ignored = 0;
        await _world.AddClientsAsync(7);
        await _world.InDbAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == _world.ServiceId);
            var plan = new NotificationPlan([], 120);
            var now = CoreWorld.Now.UtcDateTime;
            Domain.Booking Book(DateTime start) => Domain.Booking.Create(7, service, start, Actor.Client, 7, plan, now);

            var inside = Book(day.AddHours(9));
            var crossingIn = Book(day.AddMinutes(-30));                       // starts before the span and runs into it
            var endsAtStart = Book(day.AddHours(-1));                         // ends exactly where the span starts
            var fractional = Book(day.AddHours(11).AddTicks(2_505_001));       // a stored sub-second instant, to the tick
            var cancelled = Book(day.AddHours(12));
            cancelled.Cancel(Actor.Client, 7, null, now);
            var moving = Book(day.AddHours(13));
            var after = Book(day.AddDays(1));
            db.Bookings.AddRange(inside, crossingIn, endsAtStart, fractional, cancelled, moving, after);
            db.Blocks.Add(new Block(day.AddHours(15), day.AddHours(16).AddSeconds(30), "lunch", null, now));
            db.Blocks.Add(new Block(day.AddDays(-2), day.AddDays(-1), "before", null, now));
            await db.SaveChangesAsync();
            ignored = moving.Id;
        });

        var (sqlite, linq) = await _world.InDbAsync(async db =>
        {
            var from = day;
            var to = day.AddDays(1);
            var earliest = from.AddMinutes(-Service.MaxDurationMinutes);
            var bySql = await SqliteBusyTimes.ReadAsync(db, from, to, earliest, ignored, default);
            var byLinq = await db.Bookings
                .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.AwaitingPayment)
                    && b.StartUtc < to && b.StartUtc > earliest && b.EndUtc > from && b.Id != ignored)
                .Select(b => new Interval(b.StartUtc, b.EndUtc))
                .ToListAsync();
            byLinq.AddRange(await db.Blocks.Where(b => b.StartUtc < to && b.EndUtc > from).Select(b => new Interval(b.StartUtc, b.EndUtc)).ToListAsync());
            return (bySql, byLinq);
        });

        Assert.Equal(4, linq.Count); // inside, crossing in, the fractional one, the block
        Assert.Equal(linq.OrderBy(i => i.StartUtc), sqlite.OrderBy(i => i.StartUtc));
        Assert.All(sqlite, i => Assert.Equal(DateTimeKind.Utc, i.StartUtc.Kind));
    }

    [Fact]
    public async Task Reads_inside_the_booking_transaction_that_holds_the_connection()
    {
        await using var scope = _world.NewScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var day = new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc);
        var busy = await SqliteBusyTimes.ReadAsync(db, day, day.AddDays(1), day.AddDays(-1), null, default);
        Assert.Empty(busy);
        Assert.Equal(System.Data.ConnectionState.Open, db.Database.GetDbConnection().State);
    }
}
