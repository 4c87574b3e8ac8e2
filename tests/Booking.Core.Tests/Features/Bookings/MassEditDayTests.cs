using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Bookings;

public abstract class MassEditDayTests(Storage storage) : IAsyncLifetime
{
    private const long Owner = 999;
    private static readonly DateOnly Day = new(2026, 12, 3);
    private CoreWorld _world = null!;
    private int _ten;
    private int _noon;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, 2);
        _ten = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));
        _noon = await BookAsync(2, CoreWorld.Moscow(12, 3, 12));
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> BookAsync(long client, DateTime startUtc)
    {
        var result = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(client, _world.ServiceId, startUtc), default));
        Assert.Equal(BookSlot.Outcome.Booked, result.Outcome);
        return result.Booking!.Id;
    }

    private Task<MassEditDay.Result> EditAsync(MassEditDay.Operation operation) =>
        _world.RunAsync<MassEditDay.Handler, MassEditDay.Result>(h => h.HandleAsync(Owner, Day, operation, default));

    private Task<List<Domain.Booking>> BookingsAsync() =>
        _world.InDbAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Notifications).OrderBy(b => b.Id).ToListAsync());

    private Task<int> ServiceAsync(int minutes) => _world.InDbAsync(async db =>
    {
        var s = new Service($"Service {minutes}", null, minutes, 100m, "RUB", 9);
        db.Services.Add(s);
        await db.SaveChangesAsync();
        return s.Id;
    });

    [StorageFact]
    public async Task Shifting_a_day_moves_every_booking_with_history_audit_and_new_reminders()
    {
        var result = await EditAsync(new MassEditDay.Shift(30));

        Assert.True(result.Applied);
        Assert.Equal([CoreWorld.Moscow(12, 3, 10), CoreWorld.Moscow(12, 3, 12)], result.Changed.Select(c => c.PreviousStartUtc));
        var bookings = await BookingsAsync();
        Assert.Equal([CoreWorld.Moscow(12, 3, 10, 30), CoreWorld.Moscow(12, 3, 12, 30)], bookings.Select(b => b.StartUtc));
        Assert.All(bookings, b => Assert.Contains(b.History, h => h.Change == BookingChange.Rescheduled && h.Actor == Actor.Admin && h.ActorId == Owner));
        Assert.All(bookings, b => Assert.Contains(b.Notifications, n => n.Status == NotificationStatus.Pending && n.DueUtc == b.StartUtc.AddHours(-1)));
        var audit = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.mass_shift", "date:2026-12-03"), (audit.Action, audit.Target));
    }

    [StorageFact]
    public async Task A_shift_that_would_run_past_closing_changes_nothing_at_all()
    {
        var late = await BookAsync(1, CoreWorld.Moscow(12, 3, 17));

        var result = await EditAsync(new MassEditDay.Shift(30));

        Assert.False(result.Applied);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal((late, MassEditDay.Problem.OutsideHours), (conflict.BookingId, conflict.Problem));
        Assert.Equal([CoreWorld.Moscow(12, 3, 10), CoreWorld.Moscow(12, 3, 12), CoreWorld.Moscow(12, 3, 17)], (await BookingsAsync()).Select(b => b.StartUtc));
        Assert.Empty(await _world.InDbAsync(db => db.AuditEntries.ToListAsync()));
    }

    [StorageFact]
    public async Task A_shift_onto_blocked_time_is_a_conflict()
    {
        await _world.InDbAsync(async db =>
        {
            db.Blocks.Add(new Block(CoreWorld.Moscow(12, 3, 10, 45), CoreWorld.Moscow(12, 3, 11, 15), "обед", Owner, CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });

        var result = await EditAsync(new MassEditDay.Shift(30));

        Assert.Equal([(_ten, MassEditDay.Problem.Overlaps)], result.Conflicts.Select(c => (c.BookingId, c.Problem)));
    }

    [StorageFact]
    public async Task Changing_the_service_takes_its_duration_and_price_unless_it_would_overlap_the_next_booking()
    {
        var twoHours = await ServiceAsync(120);
        var threeHours = await ServiceAsync(180);

        var tooLong = await EditAsync(new MassEditDay.ChangeService(threeHours, [_ten]));
        Assert.False(tooLong.Applied);
        Assert.Equal([(_ten, MassEditDay.Problem.Overlaps), (_noon, MassEditDay.Problem.Overlaps)], tooLong.Conflicts.Select(c => (c.BookingId, c.Problem)));
        Assert.Equal(60, (await BookingsAsync()).Single(b => b.Id == _ten).DurationMinutes);

        var fits = await EditAsync(new MassEditDay.ChangeService(twoHours, [_ten]));
        Assert.True(fits.Applied);
        var ten = (await BookingsAsync()).Single(b => b.Id == _ten);
        Assert.Equal((twoHours, 120, 100m, CoreWorld.Moscow(12, 3, 12)), (ten.ServiceId, ten.DurationMinutes, ten.Price, ten.EndUtc));
        Assert.Contains(ten.History, h => h.Change == BookingChange.ServiceChanged);
        Assert.Equal(60, (await BookingsAsync()).Single(b => b.Id == _noon).DurationMinutes);
    }

    [StorageFact]
    public async Task Cancelling_the_day_cancels_only_what_has_not_started_and_drops_its_reminders()
    {
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 3, 11)));

        var result = await EditAsync(new MassEditDay.CancelAll("мастер заболел"));

        Assert.Equal([_noon], result.Changed.Select(c => c.Booking.Id));
        var bookings = await BookingsAsync();
        Assert.Equal(BookingStatus.Confirmed, bookings.Single(b => b.Id == _ten).Status);
        var noon = bookings.Single(b => b.Id == _noon);
        Assert.Equal((BookingStatus.Cancelled, "мастер заболел"), (noon.Status, noon.CancelReason));
        Assert.DoesNotContain(noon.Notifications, n => n.IsOpen);
    }
}

public sealed class MassEditDayOnSqlite() : MassEditDayTests(Storage.Sqlite);

public sealed class MassEditDayOnPostgres() : MassEditDayTests(Storage.Postgres), IRunsOnPostgres;
