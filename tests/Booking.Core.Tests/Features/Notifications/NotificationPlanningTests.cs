using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Notifications;

public abstract class NotificationPlanningTests(Storage storage) : IAsyncLifetime
{
    private CoreWorld _world = null!;

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(1, 2);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<List<Notification>> NotificationsAsync(int bookingId) =>
        _world.InDbAsync(db => db.Notifications.Where(n => n.BookingId == bookingId).OrderBy(n => n.Id).ToListAsync());

    private Task<IReadOnlyList<ClaimDueNotifications.Due>> ClaimAsync() =>
        _world.RunAsync<ClaimDueNotifications.Handler, IReadOnlyList<ClaimDueNotifications.Due>>(h => h.ClaimAsync(50, default));

    [StorageFact]
    public void Reminder_offsets_are_parsed_leniently_and_ordered()
    {
        Assert.Equal([1440, 120, 60], NotificationPlan.ParseOffsets(" 60, 1440,120, 60, x, -5, 0"));
        Assert.Empty(NotificationPlan.ParseOffsets(null));
    }

    [StorageFact]
    public async Task A_booking_three_days_ahead_gets_three_reminders_and_a_review_request_in_its_own_transaction()
    {
        var id = await _world.BookAsync(1, CoreWorld.Moscow(12, 4, 10));

        var planned = await NotificationsAsync(id);

        Assert.Equal(
            [
                (NotificationKind.Reminder, CoreWorld.Moscow(12, 3, 10)),
                (NotificationKind.Reminder, CoreWorld.Moscow(12, 4, 8)),
                (NotificationKind.Reminder, CoreWorld.Moscow(12, 4, 9)),
                (NotificationKind.ReviewRequest, CoreWorld.Moscow(12, 4, 13)),
            ],
            planned.Select(n => (n.Kind, n.DueUtc)));
        Assert.All(planned, n => Assert.Equal(NotificationStatus.Pending, n.Status));
    }

    [StorageFact]
    public async Task A_booking_ninety_minutes_ahead_gets_only_the_one_hour_reminder()
    {
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 1, 9, 30)));
        var id = await _world.BookAsync(1, CoreWorld.Moscow(12, 1, 11));

        var reminders = (await NotificationsAsync(id)).Where(n => n.Kind == NotificationKind.Reminder).ToList();

        var only = Assert.Single(reminders);
        Assert.Equal(60, only.OffsetMinutes);
        Assert.Equal(CoreWorld.Moscow(12, 1, 10), only.DueUtc);
    }

    [StorageFact]
    public async Task Cancelling_drops_every_open_notification()
    {
        var id = await _world.BookAsync(1, CoreWorld.Moscow(12, 4, 10));
        await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(1, id), default));

        Assert.All(await NotificationsAsync(id), n => Assert.Equal(NotificationStatus.Cancelled, n.Status));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 5, 10)));
        Assert.Empty(await ClaimAsync());
    }

    [StorageFact]
    public async Task Rescheduling_cancels_the_old_plan_and_plans_again_from_the_new_start()
    {
        var id = await _world.BookAsync(1, CoreWorld.Moscow(12, 4, 10));
        var moved = await _world.RunAsync<RescheduleBooking.Handler, RescheduleBooking.Result>(
            h => h.HandleAsync(new RescheduleBooking.Request(1, id, CoreWorld.Moscow(12, 6, 15)), default));
        Assert.Equal(RescheduleBooking.Outcome.Moved, moved.Outcome);

        var all = await NotificationsAsync(id);

        Assert.Equal(4, all.Count(n => n.Status == NotificationStatus.Cancelled));
        Assert.Equal(
            [CoreWorld.Moscow(12, 5, 15), CoreWorld.Moscow(12, 6, 13), CoreWorld.Moscow(12, 6, 14), CoreWorld.Moscow(12, 6, 18)],
            all.Where(n => n.Status == NotificationStatus.Pending).Select(n => n.DueUtc));
    }

    [StorageFact]
    public async Task Nothing_is_claimed_before_its_time_and_a_claim_is_not_claimed_twice()
    {
        await _world.BookAsync(1, CoreWorld.Moscow(12, 4, 10));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 3, 9, 59)));
        Assert.Empty(await ClaimAsync());

        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 3, 10)));
        var first = Assert.Single(await ClaimAsync());
        Assert.Equal(1440, first.OffsetMinutes);
        Assert.Empty(await ClaimAsync());

        // The sender died without reporting: after the lease the same reminder is handed out again.
        _world.Clock.Advance(ClaimDueNotifications.Lease + TimeSpan.FromSeconds(1));
        Assert.Equal(first.Id, Assert.Single(await ClaimAsync()).Id);
    }

    [StorageFact]
    public async Task After_downtime_only_the_latest_due_reminder_is_sent_and_the_older_ones_are_skipped()
    {
        var id = await _world.BookAsync(1, CoreWorld.Moscow(12, 4, 10));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 4, 9, 10)));

        var claimed = Assert.Single(await ClaimAsync());

        Assert.Equal(60, claimed.OffsetMinutes);
        var statuses = (await NotificationsAsync(id)).Select(n => n.Status).ToList();
        Assert.Equal([NotificationStatus.Skipped, NotificationStatus.Skipped, NotificationStatus.Sending, NotificationStatus.Pending], statuses);
    }

    [StorageFact]
    public async Task A_review_request_too_late_to_be_useful_is_skipped()
    {
        var id = await _world.BookAsync(1, CoreWorld.Moscow(12, 4, 10));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 8, 14)));

        Assert.Empty(await ClaimAsync());
        Assert.All(await NotificationsAsync(id), n => Assert.Equal(NotificationStatus.Skipped, n.Status));
    }

    [StorageFact]
    public async Task Reminders_of_a_client_who_blocked_the_bot_are_dropped()
    {
        var id = await _world.BookAsync(1, CoreWorld.Moscow(12, 4, 10));
        await _world.RunAsync<NotificationOutcomes, bool>(async o =>
        {
            await o.ClientBlockedAsync(1, default);
            return true;
        });

        Assert.All(await NotificationsAsync(id), n => Assert.Equal(NotificationStatus.Cancelled, n.Status));
        Assert.True(await _world.InDbAsync(db => db.Clients.Where(c => c.Id == 1).Select(c => c.IsBlocked).SingleAsync()));
    }

    [StorageFact]
    public async Task A_failed_send_is_retried_until_the_attempts_run_out()
    {
        await _world.BookAsync(1, CoreWorld.Moscow(12, 4, 10));
        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 3, 10)));
        for (var attempt = 1; attempt <= Notification.MaxAttempts; attempt++)
        {
            var due = Assert.Single(await ClaimAsync());
            await _world.RunAsync<NotificationOutcomes, bool>(async o =>
            {
                await o.FailedAsync(due.Id, "timeout", default);
                return true;
            });
            Assert.Empty(await ClaimAsync());
            _world.Clock.Advance(TimeSpan.FromMinutes(attempt));
        }

        Assert.Empty(await ClaimAsync());
        var failed = await _world.InDbAsync(db => db.Notifications.SingleAsync(n => n.OffsetMinutes == 1440));
        Assert.Equal(NotificationStatus.Failed, failed.Status);
        Assert.Equal("timeout", failed.LastError);
    }

    [StorageFact]
    public async Task Two_senders_claiming_at_once_never_take_the_same_notification()
    {
        var clients = Enumerable.Range(10, 20).Select(i => (long)i).ToArray();
        await _world.AddClientsAsync(clients);
        for (var i = 0; i < clients.Length; i++)
        {
            await _world.BookAsync(clients[i], CoreWorld.Moscow(12, 4 + (i / 9), 9 + (i % 9)));
        }

        _world.Clock.SetUtcNow(new DateTimeOffset(CoreWorld.Moscow(12, 6, 20)));
        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var mine = new List<int>();
            IReadOnlyList<ClaimDueNotifications.Due> got;
            do
            {
                got = await _world.RunAsync<ClaimDueNotifications.Handler, IReadOnlyList<ClaimDueNotifications.Due>>(h => h.ClaimAsync(3, default));
                mine.AddRange(got.Select(d => d.Id));
            }
            while (got.Count > 0);
            return mine;
        })));

        var all = batches.SelectMany(b => b).ToList();
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.Equal(20, all.Count); // the review requests; every reminder's visit is over by now
    }
}

public sealed class NotificationPlanningOnSqlite() : NotificationPlanningTests(Storage.Sqlite);

public sealed class NotificationPlanningOnPostgres() : NotificationPlanningTests(Storage.Postgres), IRunsOnPostgres;
