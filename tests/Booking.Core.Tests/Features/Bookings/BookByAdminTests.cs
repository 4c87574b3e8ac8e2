using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Bookings;

/// <summary>A3: an admin books for a client — a client's booking without the minimum notice and the per-client cap.</summary>
public abstract class BookByAdminTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 50;
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, 2, AdminId);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<BookByAdmin.Result> BookAsync(long clientId, DateTime startUtc, int? serviceId = null) =>
        _world.RunAsync<BookByAdmin.Handler, BookByAdmin.Result>(
            h => h.HandleAsync(new BookByAdmin.Request(AdminId, clientId, serviceId ?? _world.ServiceId, startUtc), default));

    [StorageFact]
    public async Task Books_inside_the_minimum_notice_and_past_the_clients_cap_with_history_reminders_and_audit()
    {
        foreach (var day in new[] { 2, 3, 4 })
        {
            await _world.BookAsync(1, CoreWorld.Moscow(12, day, 10)); // the client's own three: the cap
        }

        // 09:20 now: 10:00 is inside the 60-minute notice a client must give.
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 1, 9, 20)));
        var result = await BookAsync(1, CoreWorld.Moscow(12, 1, 10));

        Assert.Equal(BookByAdmin.Outcome.Booked, result.Outcome);
        Assert.Equal(1, result.Client!.Id);
        var booking = await _world.InDbAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Notifications).SingleAsync(b => b.Id == result.Booking!.Id));
        Assert.Equal((BookingStatus.Confirmed, CoreWorld.Moscow(12, 1, 10), 1L), (booking.Status, booking.StartUtc, booking.ClientId));
        var created = Assert.Single(booking.History);
        Assert.Equal((BookingChange.Created, Actor.Admin, (long?)AdminId), (created.Change, created.Actor, created.ActorId));
        Assert.Contains(booking.Notifications, n => n.Kind == NotificationKind.ReviewRequest);
        var audit = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("booking.create", AdminId, "booking:" + booking.Id), (audit.Action, audit.ActorId, audit.Target));
        Assert.Contains("\"client\":1", audit.After, StringComparison.Ordinal);
    }

    [StorageFact]
    public async Task Refuses_busy_past_closed_and_unknown_and_a_second_tap_gets_the_same_booking()
    {
        await _world.BookAsync(2, CoreWorld.Moscow(12, 2, 12));

        Assert.Equal((BookByAdmin.Outcome.SlotUnavailable, SlotCheck.Taken), Of(await BookAsync(1, CoreWorld.Moscow(12, 2, 12))));
        Assert.Equal((BookByAdmin.Outcome.SlotUnavailable, SlotCheck.TooSoon), Of(await BookAsync(1, CoreWorld.Moscow(12, 1, 8))));
        Assert.Equal((BookByAdmin.Outcome.SlotUnavailable, SlotCheck.NotOffered), Of(await BookAsync(1, CoreWorld.Moscow(12, 2, 19))));
        Assert.Equal(BookByAdmin.Outcome.ClientNotFound, (await BookAsync(999, CoreWorld.Moscow(12, 2, 10))).Outcome);
        Assert.Equal(BookByAdmin.Outcome.ServiceUnavailable, (await BookAsync(1, CoreWorld.Moscow(12, 2, 10), serviceId: 9999)).Outcome);

        var first = await BookAsync(1, CoreWorld.Moscow(12, 2, 10));
        var again = await BookAsync(1, CoreWorld.Moscow(12, 2, 10));
        Assert.Equal(BookByAdmin.Outcome.Booked, first.Outcome);
        Assert.Equal((BookByAdmin.Outcome.AlreadyBooked, first.Booking!.Id), (again.Outcome, again.Booking!.Id));
        Assert.Equal(2, await _world.InDbAsync(db => db.Bookings.CountAsync()));
        Assert.Equal(1, await _world.InDbAsync(db => db.AuditEntries.CountAsync()));
    }

    private static (BookByAdmin.Outcome, SlotCheck) Of(BookByAdmin.Result r) => (r.Outcome, r.Check);
}

public sealed class BookByAdminOnSqlite() : BookByAdminTests(Storage.Sqlite);

public sealed class BookByAdminOnPostgres() : BookByAdminTests(Storage.Postgres), IRunsOnPostgres;
