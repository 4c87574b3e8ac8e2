using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Bookings;

public abstract class ChangeBookingTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, 2);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> BookAsync(long client, DateTime startUtc, int? serviceId = null)
    {
        var result = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(
            h => h.HandleAsync(new BookSlot.Request(client, serviceId ?? _world.ServiceId, startUtc), default));
        Assert.Equal(BookSlot.Outcome.Booked, result.Outcome);
        return result.Booking!.Id;
    }

    private Task<CancelBooking.Result> CancelAsync(long client, int id) =>
        _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(client, id), default));

    private Task<RescheduleBooking.Result> MoveAsync(long client, int id, DateTime to) =>
        _world.RunAsync<RescheduleBooking.Handler, RescheduleBooking.Result>(h => h.HandleAsync(new RescheduleBooking.Request(client, id, to), default));

    private Task<Domain.Booking> LoadAsync(int id) =>
        _world.InDbAsync(db => db.Bookings.Include(b => b.History).SingleAsync(b => b.Id == id));

    [StorageFact]
    public async Task Cancelling_keeps_the_row_as_cancelled_with_history_and_frees_the_slot()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));

        Assert.Equal(CancelBooking.Outcome.Cancelled, (await CancelAsync(1, id)).Outcome);

        var booking = await LoadAsync(id);
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Equal([BookingChange.Created, BookingChange.Cancelled], booking.History.OrderBy(h => h.Id).Select(h => h.Change));
        await BookAsync(2, CoreWorld.Moscow(12, 3, 10));
    }

    [StorageFact]
    public async Task Cancelling_is_refused_inside_the_window_even_if_the_button_was_drawn_earlier()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));
        var check = await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.CheckAsync(new CancelBooking.Request(1, id), default));
        Assert.Equal(CancelBooking.Outcome.Cancelled, check.Outcome);

        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 2, 10, 1)));
        var result = await CancelAsync(1, id);

        Assert.Equal(CancelBooking.Outcome.TooLate, result.Outcome);
        Assert.Equal(24, result.WindowHours);
        Assert.Equal(BookingStatus.Confirmed, (await LoadAsync(id)).Status);
    }

    [StorageFact]
    public async Task Exactly_24_hours_ahead_is_still_allowed()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 2, 10)));
        Assert.Equal(CancelBooking.Outcome.Cancelled, (await CancelAsync(1, id)).Outcome);
    }

    [StorageFact]
    public async Task Nobody_can_cancel_or_move_someone_elses_booking()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));

        Assert.Equal(CancelBooking.Outcome.NotFound, (await CancelAsync(2, id)).Outcome);
        Assert.Equal(RescheduleBooking.Outcome.NotFound, (await MoveAsync(2, id, CoreWorld.Moscow(12, 3, 12))).Outcome);
        var booking = await LoadAsync(id);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(CoreWorld.Moscow(12, 3, 10), booking.StartUtc);
    }

    [StorageFact]
    public async Task A_cancelled_booking_cannot_be_cancelled_again_or_moved()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));
        await CancelAsync(1, id);

        Assert.Equal(CancelBooking.Outcome.NotActive, (await CancelAsync(1, id)).Outcome);
        Assert.Equal(RescheduleBooking.Outcome.NotActive, (await MoveAsync(1, id, CoreWorld.Moscow(12, 3, 12))).Outcome);
        Assert.Equal(2, (await LoadAsync(id)).History.Count);
    }

    [StorageFact]
    public async Task Rescheduling_onto_part_of_its_own_interval_succeeds()
    {
        var ninety = await _world.InDbAsync(async db =>
        {
            var s = new Service("Long", null, 90, 10m, "RUB", 5);
            s.UseSlotInterval(30);
            db.Services.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var id = await BookAsync(1, CoreWorld.Moscow(12, 3, 10), ninety);

        var result = await MoveAsync(1, id, CoreWorld.Moscow(12, 3, 10, 30));

        Assert.Equal(RescheduleBooking.Outcome.Moved, result.Outcome);
        Assert.Equal(CoreWorld.Moscow(12, 3, 10), result.PreviousStartUtc);
        var booking = await LoadAsync(id);
        Assert.Equal(CoreWorld.Moscow(12, 3, 10, 30), booking.StartUtc);
        Assert.Equal(CoreWorld.Moscow(12, 3, 12), booking.EndUtc);
        var moved = booking.History.Single(h => h.Change == BookingChange.Rescheduled);
        Assert.Equal(CoreWorld.Moscow(12, 3, 10), moved.FromStartUtc);
        Assert.Equal(CoreWorld.Moscow(12, 3, 10, 30), moved.ToStartUtc);
    }

    [StorageFact]
    public async Task Rescheduling_onto_another_booking_is_refused_and_changes_nothing()
    {
        var mine = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));
        await BookAsync(2, CoreWorld.Moscow(12, 3, 12));

        Assert.Equal(SlotCheck.Taken, Refused.Why(await MoveAsync(1, mine, CoreWorld.Moscow(12, 3, 12))));
        Assert.Equal(CoreWorld.Moscow(12, 3, 10), (await LoadAsync(mine)).StartUtc);
    }

    [StorageFact]
    public async Task Rescheduling_is_refused_inside_the_window_and_into_the_past()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));

        Assert.Equal(SlotCheck.TooSoon, Refused.Why(await MoveAsync(1, id, CoreWorld.Moscow(12, 1, 8))));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 2, 12)));
        Assert.Equal(RescheduleBooking.Outcome.TooLate, (await MoveAsync(1, id, CoreWorld.Moscow(12, 5, 10))).Outcome);
    }
}

public sealed class ChangeBookingOnSqlite() : ChangeBookingTests(Storage.Sqlite);

public sealed class ChangeBookingOnPostgres() : ChangeBookingTests(Storage.Postgres), IRunsOnPostgres;
