using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Blocks;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Blocks;

/// <summary>A6 on real SQLite: a block cancels the bookings it overlaps, and only those, in one transaction.</summary>
public abstract class BlockTimeTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 42;
    private CoreWorld _world = null!;
    private int _ninety;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, 2, 3);
        _ninety = await _world.InDbAsync(async db =>
        {
            var s = new Service("Long massage", null, 90, 4000m, "RUB", 2);
            db.Services.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private async Task<int> BookAsync(long client, int serviceId, DateTime startUtc)
    {
        var result = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(client, serviceId, startUtc), default));
        Assert.Equal(BookSlot.Outcome.Booked, result.Outcome);
        return result.Booking!.Id;
    }

    private Task<BlockTime.Result> BlockAsync(DateTime startUtc, DateTime endUtc, string? reason = "Ремонт") =>
        _world.RunAsync<BlockTime.Handler, BlockTime.Result>(h => h.HandleAsync(new BlockTime.Request(AdminId, startUtc, endUtc, reason), default));

    [StorageFact]
    public async Task A_block_cancels_a_longer_booking_it_overlaps_in_the_middle_and_leaves_the_others()
    {
        var overlapped = await BookAsync(1, _ninety, CoreWorld.Moscow(12, 2, 10));
        var before = await BookAsync(2, _world.ServiceId, CoreWorld.Moscow(12, 2, 9));
        var after = await BookAsync(3, _world.ServiceId, CoreWorld.Moscow(12, 2, 12));

        var result = await BlockAsync(CoreWorld.Moscow(12, 2, 11), CoreWorld.Moscow(12, 2, 11, 30));

        Assert.Equal(BlockTime.Outcome.Blocked, result.Outcome);
        var cancelled = Assert.Single(result.CancelledBookings!);
        Assert.Equal((overlapped, 1L, "ru", "Long massage"), (cancelled.BookingId, cancelled.ClientId, cancelled.Language, cancelled.Service));
        var bookings = await _world.InDbAsync(db => db.Bookings.Include(b => b.History).Include(b => b.Notifications).ToDictionaryAsync(b => b.Id));
        Assert.Equal(BookingStatus.Cancelled, bookings[overlapped].Status);
        Assert.Equal("Ремонт", bookings[overlapped].CancelReason);
        var history = bookings[overlapped].History.Single(h => h.Change == BookingChange.Cancelled);
        Assert.Equal((Actor.Admin, (long?)AdminId, "Ремонт"), (history.Actor, history.ActorId, history.Reason));
        Assert.All(bookings[overlapped].Notifications, n => Assert.Equal(NotificationStatus.Cancelled, n.Status));
        Assert.Equal(BookingStatus.Confirmed, bookings[before].Status);
        Assert.Equal(BookingStatus.Confirmed, bookings[after].Status);
    }

    [StorageFact]
    public async Task Blocked_time_is_no_longer_offered_and_the_block_is_audited_with_what_it_cancelled()
    {
        var booking = await BookAsync(1, _world.ServiceId, CoreWorld.Moscow(12, 3, 14));

        var result = await BlockAsync(CoreWorld.Moscow(12, 3, 0), CoreWorld.Moscow(12, 4, 0), null);

        var day = await _world.RunAsync<GetAvailability.Handler, GetAvailability.Day?>(h => h.DayAsync(new GetAvailability.Subject(_world.ServiceId), new DateOnly(2026, 12, 3), default));
        Assert.DoesNotContain(day!.Slots, s => s.IsFree);
        var entry = await _world.InDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal(("block.add", $"block:{result.Block!.Id}"), (entry.Action, entry.Target));
        Assert.Contains($"\"cancelledBookings\":[{booking}]", entry.After, StringComparison.Ordinal);
        Assert.Null((await _world.InDbAsync(db => db.Bookings.SingleAsync())).CancelReason);
    }

    [StorageFact]
    public async Task Back_to_back_bookings_and_ones_already_over_are_not_touched()
    {
        var touching = await BookAsync(1, _world.ServiceId, CoreWorld.Moscow(12, 2, 10));
        var next = await BookAsync(2, _world.ServiceId, CoreWorld.Moscow(12, 2, 12));

        var result = await BlockAsync(CoreWorld.Moscow(12, 2, 11), CoreWorld.Moscow(12, 2, 12));

        Assert.Empty(result.CancelledBookings!);
        Assert.Equal(2, await _world.InDbAsync(db => db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed && (b.Id == touching || b.Id == next))));
        Assert.Equal(BlockTime.Outcome.InPast, (await BlockAsync(CoreWorld.Moscow(11, 30, 10), CoreWorld.Moscow(11, 30, 11))).Outcome);
        Assert.Equal(BlockTime.Outcome.Invalid, (await BlockAsync(CoreWorld.Moscow(12, 5, 11), CoreWorld.Moscow(12, 5, 11))).Outcome);
        Assert.Equal(1, await _world.InDbAsync(db => db.Blocks.CountAsync()));
    }

    [StorageFact]
    public async Task Unblocking_frees_the_time_again_and_is_audited()
    {
        var block = (await BlockAsync(CoreWorld.Moscow(12, 2, 10), CoreWorld.Moscow(12, 2, 11))).Block!;
        var listed = await _world.RunAsync<ListBlocks.Handler, IReadOnlyList<Block>>(h => h.HandleAsync(10, default));
        Assert.Equal(block.Id, Assert.Single(listed).Id);

        Assert.True(await _world.RunAsync<UnblockTime.Handler, bool>(h => h.HandleAsync(AdminId, block.Id, default)));
        Assert.False(await _world.RunAsync<UnblockTime.Handler, bool>(h => h.HandleAsync(AdminId, block.Id, default)));

        await BookAsync(1, _world.ServiceId, CoreWorld.Moscow(12, 2, 10));
        Assert.Equal(["block.add", "block.remove"], await _world.InDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }
}

public sealed class BlockTimeOnSqlite() : BlockTimeTests(Storage.Sqlite);

public sealed class BlockTimeOnPostgres() : BlockTimeTests(Storage.Postgres), IRunsOnPostgres;
