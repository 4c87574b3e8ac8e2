using Booking.Core.Domain;
using Booking.Core.Features.Blocks;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Clients;
using Booking.Core.Features.Settings;
using Booking.Core.Features.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Waitlist;

/// <summary>
/// X4 over a real database. Thursday 3 December is made full: blocked 09:00–17:00 and the last hour booked by client 1,
/// so cancelling that booking frees exactly 17:00.
/// </summary>
public abstract class WaitlistTests(Storage storage) : IAsyncLifetime
{
    private const long Owner = 900;
    private static readonly DateOnly FullDay = new(2026, 12, 3);
    private static readonly DateTime Last = CoreWorld.Moscow(12, 3, 17);

    private CoreWorld _world = null!;
    private int _blockId;
    private int _lastBookingId;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage, "Europe/Moscow", Owner);
        await _world.AddClientsAsync(1, 2, 3, 4);
        _blockId = await _world.InDbAsync(async db =>
        {
            var block = new Block(CoreWorld.Moscow(12, 3, 9), Last, "обучение", Owner, CoreWorld.Now.UtcDateTime);
            db.Blocks.Add(block);
            await db.SaveChangesAsync();
            return block.Id;
        });
        _lastBookingId = await _world.BookAsync(1, Last);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<JoinWaitlist.Result> JoinAsync(long client, DateOnly date) =>
        _world.RunAsync<JoinWaitlist.Handler, JoinWaitlist.Result>(h => h.HandleAsync(new JoinWaitlist.Request(client, _world.ServiceId, date), default));

    private Task<IReadOnlyList<ListWaits.Wait>> WaitsOfAsync(long client) =>
        _world.RunAsync<ListWaits.Handler, IReadOnlyList<ListWaits.Wait>>(h => h.HandleAsync(client, default));

    private Task<IReadOnlyList<ClaimWaitlistOffers.Due>> ClaimAsync() =>
        _world.RunAsync<ClaimWaitlistOffers.Handler, IReadOnlyList<ClaimWaitlistOffers.Due>>(h => h.ClaimAsync(50, default));

    private async Task CancelLastAsync()
    {
        var result = await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(1, _lastBookingId), default));
        Assert.Equal(CancelBooking.Outcome.Cancelled, result.Outcome);
    }

    private Task<List<WaitlistOffer>> OffersAsync() =>
        _world.InDbAsync(db => db.WaitlistOffers.AsNoTracking().Include(o => o.Entry).OrderBy(o => o.Id).ToListAsync());

    [StorageFact]
    public async Task A_full_day_is_joined_once_and_a_second_join_is_answered_as_already_waiting()
    {
        Assert.Equal(JoinWaitlist.Outcome.Joined, (await JoinAsync(2, FullDay)).Outcome);
        Assert.Equal(JoinWaitlist.Outcome.AlreadyWaiting, (await JoinAsync(2, FullDay)).Outcome);

        var wait = Assert.Single(await WaitsOfAsync(2));
        Assert.Equal(FullDay, wait.Date);
        Assert.Equal("Massage", wait.Service);
        Assert.Equal(1, await _world.InDbAsync(db => db.WaitlistEntries.CountAsync()));
    }

    [StorageFact]
    public async Task Days_with_free_time_closed_days_and_past_days_cannot_be_joined()
    {
        await _world.InDbAsync(async db =>
        {
            db.Blocks.Add(new Block(CoreWorld.Moscow(12, 5, 0), CoreWorld.Moscow(12, 6, 0), "выходной", Owner, CoreWorld.Now.UtcDateTime));
            await db.SaveChangesAsync();
        });

        Assert.Equal(JoinWaitlist.Outcome.HasFreeTime, (await JoinAsync(2, new DateOnly(2026, 12, 4))).Outcome);
        Assert.Equal(JoinWaitlist.Outcome.DayClosed, (await JoinAsync(2, new DateOnly(2026, 12, 5))).Outcome);
        Assert.Equal(JoinWaitlist.Outcome.DayClosed, (await JoinAsync(2, new DateOnly(2026, 11, 30))).Outcome);
        Assert.Empty(await WaitsOfAsync(2));
    }

    [StorageFact]
    public async Task A_client_waits_for_at_most_three_days_unless_the_owner_sets_another_limit()
    {
        await _world.InDbAsync(async db =>
        {
            for (var day = 7; day <= 10; day++)
            {
                db.Blocks.Add(new Block(CoreWorld.Moscow(12, day, 9), CoreWorld.Moscow(12, day, 17), null, Owner, CoreWorld.Now.UtcDateTime));
            }

            await db.SaveChangesAsync();
        });
        for (var day = 7; day <= 10; day++)
        {
            await _world.BookAsync(day == 10 ? 4 : 3, CoreWorld.Moscow(12, day, 17));
        }

        for (var day = 7; day <= 9; day++)
        {
            Assert.Equal(JoinWaitlist.Outcome.Joined, (await JoinAsync(2, new DateOnly(2026, 12, day))).Outcome);
        }

        var refused = await JoinAsync(2, new DateOnly(2026, 12, 10));
        Assert.Equal((JoinWaitlist.Outcome.LimitReached, 3), (refused.Outcome, refused.Limit));
        Assert.Equal(3, (await WaitsOfAsync(2)).Count);

        // The owner allows four (A5): the fourth day can be joined; back to two, nobody loses a wait, but no new one.
        Task<ChangeSetting.Result> LimitAsync(string value) => _world.RunAsync<ChangeSetting.Handler, ChangeSetting.Result>(
            h => h.HandleAsync(new ChangeSetting.Request(Owner, SettingField.WaitlistLimit, value), default));
        Assert.Equal(ChangeSetting.Outcome.Invalid, (await LimitAsync("11")).Outcome);
        Assert.Equal(ChangeSetting.Outcome.Invalid, (await LimitAsync("-1")).Outcome);
        Assert.Equal(ChangeSetting.Outcome.Changed, (await LimitAsync("4")).Outcome);
        Assert.Equal(JoinWaitlist.Outcome.Joined, (await JoinAsync(2, new DateOnly(2026, 12, 10))).Outcome);
        Assert.Equal(ChangeSetting.Outcome.Changed, (await LimitAsync("2")).Outcome);
        Assert.Equal(4, (await WaitsOfAsync(2)).Count);
        var over = await JoinAsync(2, FullDay);
        Assert.Equal((JoinWaitlist.Outcome.LimitReached, 2), (over.Outcome, over.Limit));

        // 0 turns the waitlist off: nobody joins, whoever already waits keeps waiting (and is told so on a repeat tap).
        Assert.Equal(ChangeSetting.Outcome.Changed, (await LimitAsync("0")).Outcome);
        Assert.Equal(JoinWaitlist.Outcome.Off, (await JoinAsync(1, FullDay)).Outcome);
        Assert.Equal(JoinWaitlist.Outcome.AlreadyWaiting, (await JoinAsync(2, new DateOnly(2026, 12, 7))).Outcome);
        Assert.Equal(4, (await WaitsOfAsync(2)).Count);
        Assert.Empty(await WaitsOfAsync(1));
    }

    [StorageFact]
    public async Task A_cancellation_offers_the_freed_time_to_every_waiting_client_first_come_first_told_but_not_to_the_one_who_cancelled()
    {
        await JoinAsync(1, FullDay);
        await JoinAsync(3, FullDay);
        _world.Clock.Advance(TimeSpan.FromMinutes(1));
        await JoinAsync(2, FullDay);

        await CancelLastAsync();
        var due = await ClaimAsync();

        Assert.Equal([3L, 2L], due.Select(d => d.ClientId));
        Assert.All(due, d => Assert.Equal([Last], d.FreeStartsUtc));
        Assert.All(due, d => Assert.Equal(FullDay, d.Date));
        Assert.Empty(await ClaimAsync());
    }

    [StorageFact]
    public async Task An_offer_whose_time_is_taken_again_before_it_goes_out_is_skipped_not_sent()
    {
        await JoinAsync(2, FullDay);
        await CancelLastAsync();
        await _world.BookAsync(4, Last);

        Assert.Empty(await ClaimAsync());
        var offer = Assert.Single(await OffersAsync());
        Assert.Equal(NotificationStatus.Skipped, offer.Status);
        Assert.True((await WaitsOfAsync(2)).Count == 1, "the client keeps waiting");
    }

    [StorageFact]
    public async Task Time_freed_twice_before_the_offer_goes_out_makes_one_offer()
    {
        await JoinAsync(2, FullDay);
        await CancelLastAsync();
        await _world.RunAsync<UnblockTime.Handler, bool>(h => h.HandleAsync(Owner, _blockId, default));

        var due = Assert.Single(await ClaimAsync());
        Assert.Equal(9, due.FreeStartsUtc.Count);
        Assert.Single(await OffersAsync());
    }

    [StorageFact]
    public async Task Booking_the_day_ends_the_clients_wait_and_drops_their_offer_while_others_keep_theirs()
    {
        await JoinAsync(2, FullDay);
        await JoinAsync(3, FullDay);
        await CancelLastAsync();

        await _world.BookAsync(2, Last);

        Assert.Empty(await WaitsOfAsync(2));
        Assert.Single(await WaitsOfAsync(3));
        var entry = await _world.InDbAsync(db => db.WaitlistEntries.SingleAsync(e => e.ClientId == 2));
        Assert.Equal(WaitStatus.Booked, entry.Status);
        var offers = await OffersAsync();
        Assert.Equal(NotificationStatus.Cancelled, offers.Single(o => o.Entry!.ClientId == 2).Status);
        Assert.Empty(await ClaimAsync()); // 17:00 is taken again, so client 3's offer has nothing to show
    }

    [StorageFact]
    public async Task An_admin_moving_a_booking_away_wakes_the_waitlist_of_the_day_it_left()
    {
        await JoinAsync(2, FullDay);

        var moved = await _world.RunAsync<MoveByAdmin.Handler, MoveByAdmin.Result>(
            h => h.HandleAsync(new MoveByAdmin.Request(Owner, _lastBookingId, CoreWorld.Moscow(12, 4, 12)), default));

        Assert.Equal(MoveByAdmin.Outcome.Moved, moved.Outcome);
        var due = Assert.Single(await ClaimAsync());
        Assert.Equal(2, due.ClientId);
        Assert.Equal([Last], due.FreeStartsUtc);
    }

    [StorageFact]
    public async Task A_move_to_another_day_in_one_save_wakes_the_day_it_left_and_ends_the_movers_wait_on_the_day_it_reached()
    {
        // Client 1 (17:00 on the 3rd) also waits for the 4th; a wait on the 10th is on neither day. The waits are put in
        // directly: the 4th and the 10th have free time, so they could not be joined through the bot.
        await JoinAsync(2, FullDay);
        await _world.InDbAsync(async db =>
        {
            foreach (var (client, day) in new[] { (1L, 4), (3L, 10) })
            {
                var dayUtc = new Interval(CoreWorld.Moscow(12, day, 0), CoreWorld.Moscow(12, day + 1, 0));
                db.WaitlistEntries.Add(new WaitlistEntry(client, _world.ServiceId, new DateOnly(2026, 12, day), dayUtc, CoreWorld.Now.UtcDateTime));
            }

            await db.SaveChangesAsync();
        });

        var moved = await _world.RunAsync<MoveByAdmin.Handler, MoveByAdmin.Result>(
            h => h.HandleAsync(new MoveByAdmin.Request(Owner, _lastBookingId, CoreWorld.Moscow(12, 4, 12)), default));

        Assert.Equal(MoveByAdmin.Outcome.Moved, moved.Outcome);
        var status = await _world.InDbAsync(db => db.WaitlistEntries.AsNoTracking().ToDictionaryAsync(e => e.ClientId, e => e.Status));
        Assert.Equal(WaitStatus.Booked, status[1]);
        Assert.Equal(WaitStatus.Waiting, status[2]);
        Assert.Equal(WaitStatus.Waiting, status[3]);
        var due = Assert.Single(await ClaimAsync());
        Assert.Equal(2, due.ClientId);
        Assert.Equal([Last], due.FreeStartsUtc);
    }

    [StorageFact]
    public async Task An_admin_cancellation_wakes_the_waitlist_with_the_freed_hour()
    {
        await JoinAsync(2, FullDay);

        var cancelled = await _world.RunAsync<CancelByAdmin.Handler, CancelByAdmin.Result>(
            h => h.HandleAsync(new CancelByAdmin.Request(Owner, _lastBookingId, "болезнь"), default));

        Assert.Equal(CancelByAdmin.Outcome.Cancelled, cancelled.Outcome);
        Assert.Equal([Last], Assert.Single(await ClaimAsync()).FreeStartsUtc);
    }

    [StorageFact]
    public async Task Longer_opening_hours_that_weekday_or_that_day_wake_the_waitlist_with_the_new_times()
    {
        await JoinAsync(2, FullDay);

        var hours = await _world.RunAsync<SetWorkingHours.Handler, SetWorkingHours.Outcome>(
            h => h.HandleAsync(new SetWorkingHours.Request(Owner, DayOfWeek.Thursday, new TimeOnly(9, 0), new TimeOnly(20, 0)), default));
        Assert.Equal(SetWorkingHours.Outcome.Changed, hours);
        var first = Assert.Single(await ClaimAsync());
        Assert.Equal([CoreWorld.Moscow(12, 3, 18), CoreWorld.Moscow(12, 3, 19)], first.FreeStartsUtc);
        await _world.RunAsync<WaitlistOfferOutcomes, bool>(async h =>
        {
            await h.SentAsync(first.Id, 1, default);
            return true;
        });

        var special = await _world.RunAsync<SetSpecialDay.Handler, SetSpecialDay.Result>(
            h => h.HandleAsync(new SetSpecialDay.Request(Owner, FullDay, new TimeOnly(9, 0), new TimeOnly(19, 0)), default));
        Assert.Equal(SetSpecialDay.Outcome.Saved, special.Outcome);
        Assert.Equal([CoreWorld.Moscow(12, 3, 18)], Assert.Single(await ClaimAsync()).FreeStartsUtc);
    }

    [StorageTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_finer_slot_step_or_a_shorter_service_wakes_the_waitlist_with_the_start_it_opens(bool step)
    {
        // The block now ends at 16:30, so half an hour is free before 17:00 — but either the hourly step gives no start
        // at 16:30 (step) or the one-hour service does not fit in it (service): the day is still full.
        var halfPast = CoreWorld.Moscow(12, 3, 16).AddMinutes(30);
        await _world.InDbAsync(async db =>
        {
            db.Blocks.Remove(await db.Blocks.SingleAsync(b => b.Id == _blockId));
            db.Blocks.Add(new Block(CoreWorld.Moscow(12, 3, 9), halfPast, "обучение", Owner, CoreWorld.Now.UtcDateTime));
            if (step)
            {
                (await db.Services.SingleAsync(s => s.Id == _world.ServiceId)).ChangeDuration(30);
            }
            else
            {
                (await db.Settings.SingleAsync()).SlotIntervalMinutes = 30;
            }

            await db.SaveChangesAsync();
        });
        Assert.Equal(JoinWaitlist.Outcome.Joined, (await JoinAsync(2, FullDay)).Outcome);
        Assert.Empty(await ClaimAsync());

        if (step)
        {
            var changed = await _world.RunAsync<ChangeSetting.Handler, ChangeSetting.Result>(
                h => h.HandleAsync(new ChangeSetting.Request(Owner, SettingField.SlotInterval, "30"), default));
            Assert.Equal(ChangeSetting.Outcome.Changed, changed.Outcome);
        }
        else
        {
            await _world.InDbAsync(async db =>
            {
                (await db.Services.SingleAsync(s => s.Id == _world.ServiceId)).ChangeDuration(30);
                await db.SaveChangesAsync();
            });
        }

        var due = Assert.Single(await ClaimAsync());
        Assert.Equal(2, due.ClientId);
        Assert.Equal([halfPast], due.FreeStartsUtc);
    }

    [StorageFact]
    public async Task A_visit_marked_completed_while_it_lasts_frees_nothing_and_wakes_nobody()
    {
        await JoinAsync(2, FullDay);
        await _world.RunAsync<UnblockTime.Handler, bool>(h => h.HandleAsync(Owner, _blockId, default));
        var visit = await _world.BookAsync(3, CoreWorld.Moscow(12, 3, 9));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 3, 9, 30)));
        Assert.Single(await ClaimAsync());

        var marked = await _world.RunAsync<MarkAttendance.Handler, MarkAttendance.Result>(
            h => h.HandleAsync(new MarkAttendance.Request(Owner, visit, true), default));

        Assert.Equal(MarkAttendance.Outcome.Marked, marked.Outcome);
        Assert.Single(await OffersAsync());
    }

    [StorageFact]
    public async Task Waits_for_a_day_that_has_ended_expire_with_their_offers()
    {
        await JoinAsync(2, FullDay);
        await CancelLastAsync();

        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 4, 0, 1)));

        Assert.Empty(await ClaimAsync());
        Assert.Empty(await WaitsOfAsync(2));
        var entry = await _world.InDbAsync(db => db.WaitlistEntries.SingleAsync());
        Assert.Equal(WaitStatus.Expired, entry.Status);
        Assert.Equal(NotificationStatus.Cancelled, Assert.Single(await OffersAsync()).Status);
    }

    [StorageFact]
    public async Task Leaving_the_waitlist_drops_an_offer_not_yet_sent_and_a_second_leave_changes_nothing()
    {
        await JoinAsync(2, FullDay);
        var wait = Assert.Single(await WaitsOfAsync(2));
        await CancelLastAsync();

        Assert.False(await _world.RunAsync<LeaveWaitlist.Handler, bool>(h => h.HandleAsync(3, wait.Id, default)));
        Assert.True(await _world.RunAsync<LeaveWaitlist.Handler, bool>(h => h.HandleAsync(2, wait.Id, default)));
        Assert.False(await _world.RunAsync<LeaveWaitlist.Handler, bool>(h => h.HandleAsync(2, wait.Id, default)));

        Assert.Empty(await ClaimAsync());
        Assert.Equal(NotificationStatus.Cancelled, Assert.Single(await OffersAsync()).Status);
    }

    [StorageFact]
    public async Task Forgetting_a_client_removes_their_waits_and_wakes_the_others_for_the_visit_it_cancelled()
    {
        await JoinAsync(1, new DateOnly(2026, 12, 3));
        await JoinAsync(2, FullDay);

        var forgotten = await _world.RunAsync<ForgetClient.Handler, ForgetClient.Result>(h => h.HandleAsync(1, default));

        Assert.Equal(ForgetClient.Outcome.Forgotten, forgotten.Outcome);
        Assert.Equal(1, await _world.InDbAsync(db => db.WaitlistEntries.CountAsync()));
        Assert.Equal(2, Assert.Single(await ClaimAsync()).ClientId);
    }
}

public sealed class WaitlistOnSqlite() : WaitlistTests(Storage.Sqlite);

public sealed class WaitlistOnPostgres() : WaitlistTests(Storage.Postgres), IRunsOnPostgres;
