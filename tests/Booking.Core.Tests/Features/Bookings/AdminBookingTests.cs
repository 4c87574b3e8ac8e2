using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Bookings;

/// <summary>A3/X5: what an admin does to a client's booking — mark it, cancel it — and what the card shows.</summary>
public abstract class AdminBookingTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 50;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, AdminId);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> BookAsync(DateTime startUtc)
    {
        var result = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(
            h => h.HandleAsync(new BookSlot.Request(1, _world.ServiceId, startUtc), default));
        return result.Booking!.Id;
    }

    private Task<MarkAttendance.Result> MarkAsync(int id, bool attended) =>
        _world.RunAsync<MarkAttendance.Handler, MarkAttendance.Result>(h => h.HandleAsync(new MarkAttendance.Request(AdminId, id, attended), default));

    private Task<GetBookingCard.Result?> CardAsync(int id) =>
        _world.RunAsync<GetBookingCard.Handler, GetBookingCard.Result?>(h => h.HandleAsync(id, default));

    [StorageFact]
    public async Task A_visit_is_marked_only_once_it_has_started_and_each_mark_is_in_history_and_audit()
    {
        var id = await BookAsync(CoreWorld.Moscow(12, 1, 14));

        Assert.Equal(MarkAttendance.Outcome.NotStarted, (await MarkAsync(id, attended: false)).Outcome);
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 1, 14, 10)));
        Assert.Equal(MarkAttendance.Outcome.Marked, (await MarkAsync(id, attended: false)).Outcome);
        Assert.Equal(MarkAttendance.Outcome.Unchanged, (await MarkAsync(id, attended: false)).Outcome);

        var card = await CardAsync(id);
        Assert.Equal((BookingStatus.NoShow, 0, 1, true), (card!.Booking.Status, card.Visits, card.NoShows, card.HasStarted));
        Assert.Equal(MarkAttendance.Outcome.Marked, (await MarkAsync(id, attended: true)).Outcome);
        Assert.Equal((1, 0), ((await CardAsync(id))!.Visits, (await CardAsync(id))!.NoShows));

        var booking = await _world.InDbAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Notifications).SingleAsync(b => b.Id == id));
        Assert.Equal([BookingChange.Created, BookingChange.NoShow, BookingChange.Completed], booking.History.OrderBy(h => h.Id).Select(h => h.Change));
        Assert.All(booking.History.Skip(1), h => Assert.Equal((Actor.Admin, (long?)AdminId), (h.Actor, h.ActorId)));
        Assert.DoesNotContain(booking.Notifications, n => n.IsOpen);
        var audit = await _world.InDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["booking.no_show", "booking.completed"], audit.Select(a => a.Action));
        Assert.Equal(("booking:" + id, "{\"status\":\"Confirmed\"}", "{\"status\":\"NoShow\"}"), (audit[0].Target, audit[0].Before, audit[0].After));
    }

    [StorageFact]
    public async Task An_admin_cancels_inside_the_clients_window_with_a_reason_that_is_kept_and_audited()
    {
        var id = await BookAsync(CoreWorld.Moscow(12, 1, 15));

        var result = await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(
            h => h.HandleAsync(new CancelByAdmin.Request(AdminId, id, "  Мастер заболел  "), default));

        Assert.Equal(CancelByAdmin.Outcome.Cancelled, result.Outcome);
        Assert.Equal(1, result.Client!.Id);
        var booking = await _world.InDbAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Notifications).SingleAsync(b => b.Id == id));
        Assert.Equal((BookingStatus.Cancelled, "Мастер заболел"), (booking.Status, booking.CancelReason));
        var cancelled = booking.History.Single(h => h.Change == BookingChange.Cancelled);
        Assert.Equal((Actor.Admin, (long?)AdminId, "Мастер заболел"), (cancelled.Actor, cancelled.ActorId, cancelled.Reason));
        Assert.DoesNotContain(booking.Notifications, n => n.IsOpen);
        var audit = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.cancel", AdminId), (audit.Action, audit.ActorId));
        Assert.Contains("Мастер заболел", audit.After, StringComparison.Ordinal);

        var again = await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(
            h => h.HandleAsync(new CancelByAdmin.Request(AdminId, id, null), default));
        Assert.Equal(CancelByAdmin.Outcome.NotActive, again.Outcome);
    }

    [StorageFact]
    public async Task A_visit_that_has_started_is_not_cancelled_and_a_cancelled_one_is_not_marked()
    {
        var started = await BookAsync(CoreWorld.Moscow(12, 1, 11));
        var cancelled = await BookAsync(CoreWorld.Moscow(12, 1, 12));
        await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(h => h.HandleAsync(new CancelByAdmin.Request(AdminId, cancelled, null), default));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 1, 13)));

        var late = await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(h => h.HandleAsync(new CancelByAdmin.Request(AdminId, started, null), default));

        Assert.Equal(CancelByAdmin.Outcome.AlreadyStarted, late.Outcome);
        Assert.Equal(MarkAttendance.Outcome.Cancelled, (await MarkAsync(cancelled, attended: true)).Outcome);
        Assert.Equal(MarkAttendance.Outcome.NotFound, (await MarkAsync(9999, attended: true)).Outcome);
        Assert.Equal(1, await _world.InDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [StorageFact]
    public async Task The_day_schedule_lists_held_bookings_in_order_with_attendance_and_counts_cancelled_ones()
    {
        var late = await BookAsync(CoreWorld.Moscow(12, 2, 15));
        var early = await BookAsync(CoreWorld.Moscow(12, 2, 10));
        var gone = await BookAsync(CoreWorld.Moscow(12, 2, 12));
        await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(h => h.HandleAsync(new CancelByAdmin.Request(AdminId, gone, null), default));
        await _world.RunAsync<ConfirmAttendance.Handler, ConfirmAttendance.Result>(h => h.HandleAsync(1, late, default));

        var day = await _world.RunAsync<GetDaySchedule.Handler, GetDaySchedule.Result>(h => h.HandleAsync(new DateOnly(2026, 12, 2), default));

        Assert.Equal([(early, false), (late, true)], day.Lines.Select(l => (l.BookingId, l.AttendanceConfirmed)));
        Assert.Equal(("Massage", "Client 1", 1), (day.Lines[0].Service, day.Lines[0].Client, day.Cancelled));
        Assert.True(day.HasPrevious);

        var clamped = await _world.RunAsync<GetDaySchedule.Handler, GetDaySchedule.Result>(h => h.HandleAsync(new DateOnly(2027, 1, 1), default));
        Assert.Equal((new DateOnly(2026, 12, 8), false), (clamped.Date, clamped.HasNext));
    }
}

public sealed class AdminBookingOnSqlite() : AdminBookingTests(Storage.Sqlite);

public sealed class AdminBookingOnPostgres() : AdminBookingTests(Storage.Postgres), IRunsOnPostgres;
