using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Bookings;

/// <summary>A3: an admin moves a booking — a client's move without the change window and the minimum notice.</summary>
public abstract class MoveByAdminTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 50;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, 2, AdminId);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> BookAsync(long clientId, DateTime startUtc)
    {
        var result = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(
            h => h.HandleAsync(new BookSlot.Request(clientId, _world.ServiceId, startUtc), default));
        return result.Booking!.Id;
    }

    private Task<MoveByAdmin.Result> MoveAsync(int id, DateTime newStartUtc) =>
        _world.RunAsync<MoveByAdmin.Handler, MoveByAdmin.Result>(h => h.HandleAsync(new MoveByAdmin.Request(AdminId, id, newStartUtc), default));

    [StorageFact]
    public async Task Moves_a_booking_due_within_hours_to_a_time_inside_the_minimum_notice_with_history_reminders_and_audit()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 1, 14));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 1, 9, 20)));

        var result = await MoveAsync(id, CoreWorld.Moscow(12, 1, 10));

        Assert.Equal(MoveByAdmin.Outcome.Moved, result.Outcome);
        Assert.Equal((CoreWorld.Moscow(12, 1, 14), 1L), (result.PreviousStartUtc, result.Client!.Id));
        var booking = await _world.InDbAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Notifications).SingleAsync(b => b.Id == id));
        Assert.Equal((CoreWorld.Moscow(12, 1, 10), CoreWorld.Moscow(12, 1, 11)), (booking.StartUtc, booking.EndUtc));
        var moved = booking.History.Single(h => h.Change == BookingChange.Rescheduled);
        Assert.Equal((Actor.Admin, (long?)AdminId), (moved.Actor, moved.ActorId));

        // The old plan is dropped; nothing new is planned for a moment already past (10:00 − 1 h = 09:00 < 09:20).
        var open = booking.Notifications.Where(n => n.IsOpen).ToList();
        Assert.NotEmpty(open);
        Assert.All(open, n => Assert.True(n.DueUtc > CoreWorld.Moscow(12, 1, 9, 20)));
        Assert.DoesNotContain(open, n => n.Kind == NotificationKind.Reminder);

        var audit = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.move", AdminId, "booking:" + id), (audit.Action, audit.ActorId, audit.Target));
        Assert.Contains("2026-12-01T11:00:00", audit.Before, StringComparison.Ordinal);
        Assert.Contains("2026-12-01T07:00:00", audit.After, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task Refuses_a_time_taken_by_another_booking_or_a_block_and_changes_nothing()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 2, 10));
        await BookAsync(2, CoreWorld.Moscow(12, 2, 12));
        await _world.InDbAsync(db =>
        {
            db.Blocks.Add(new Block(CoreWorld.Moscow(12, 2, 14, 30), CoreWorld.Moscow(12, 2, 15), "обед", AdminId, CoreWorld.Now.UtcDateTime));
            return db.SaveChangesAsync();
        });

        var onBooking = await MoveAsync(id, CoreWorld.Moscow(12, 2, 12));
        var onBlock = await MoveAsync(id, CoreWorld.Moscow(12, 2, 14));

        Assert.Equal((MoveByAdmin.Outcome.SlotUnavailable, SlotCheck.Taken), (onBooking.Outcome, onBooking.Check));
        Assert.Equal((MoveByAdmin.Outcome.SlotUnavailable, SlotCheck.Taken), (onBlock.Outcome, onBlock.Check));
        Assert.Equal(CoreWorld.Moscow(12, 2, 10), (await _world.InDbAsync(db => db.Bookings.SingleAsync(b => b.Id == id))).StartUtc);
        Assert.False(await _world.InDbAsync(db => db.AuditEntries.AnyAsync()));
    }

    [StorageFact]
    public async Task Its_own_hour_does_not_count_against_an_overlapping_new_time()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 2, 10));

        var result = await MoveAsync(id, CoreWorld.Moscow(12, 2, 11));

        Assert.Equal(MoveByAdmin.Outcome.Moved, result.Outcome);
    }

    [StorageFact]
    public async Task Refuses_the_past_closed_hours_and_a_booking_that_has_begun_or_was_cancelled()
    {
        var id = await BookAsync(1, CoreWorld.Moscow(12, 1, 14));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 1, 10, 20)));

        Assert.Equal(SlotCheck.TooSoon, (await MoveAsync(id, CoreWorld.Moscow(12, 1, 10))).Check);
        Assert.Equal(SlotCheck.NotOffered, (await MoveAsync(id, CoreWorld.Moscow(12, 1, 20))).Check);
        Assert.Equal(MoveByAdmin.Outcome.SameTime, (await MoveAsync(id, CoreWorld.Moscow(12, 1, 14))).Outcome);

        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 1, 14, 10)));
        Assert.Equal(MoveByAdmin.Outcome.AlreadyStarted, (await MoveAsync(id, CoreWorld.Moscow(12, 1, 16))).Outcome);

        var other = await BookAsync(1, CoreWorld.Moscow(12, 3, 10));
        await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(h => h.HandleAsync(new CancelByAdmin.Request(AdminId, other, null), default));
        Assert.Equal(MoveByAdmin.Outcome.NotActive, (await MoveAsync(other, CoreWorld.Moscow(12, 3, 11))).Outcome);
        Assert.Equal(MoveByAdmin.Outcome.NotFound, (await MoveAsync(999, CoreWorld.Moscow(12, 3, 11))).Outcome);
        Assert.Equal(CoreWorld.Moscow(12, 1, 14), (await _world.InDbAsync(db => db.Bookings.SingleAsync(b => b.Id == id))).StartUtc);
    }
}

public sealed class MoveByAdminOnSqlite() : MoveByAdminTests(Storage.Sqlite);

public sealed class MoveByAdminOnPostgres() : MoveByAdminTests(Storage.Postgres), IRunsOnPostgres;
