using Booking.Core.Domain;
using Booking.Core.Features.Broadcasts;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Broadcasts;

/// <summary>A7 on real SQLite: who a broadcast reaches, and a queue that never hands one client to two senders.</summary>
public abstract class BroadcastQueueTests(Storage storage) : IAsyncLifetime
{
    private const long AdminId = 500;
    private CoreWorld _world = null!;

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync(storage);

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<int> CountAsync(Audience audience) =>
        _world.RunAsync<SelectAudience.Handler, int>(h => h.CountAsync(audience, CancellationToken.None));

    private Task<List<long>> IdsAsync(Audience audience) =>
        _world.RunAsync<SelectAudience.Handler, List<long>>(h => h.IdsAsync(audience, CancellationToken.None));

    private Task<CreateBroadcast.Result> CreateAsync(Audience audience, string text = "Hello") =>
        _world.RunAsync<CreateBroadcast.Handler, CreateBroadcast.Result>(h =>
            h.HandleAsync(new CreateBroadcast.Request(AdminId, text, audience, 77), CancellationToken.None));

    private Task<IReadOnlyList<ClaimBroadcastRecipients.Claimed>> ClaimAsync(int max) =>
        _world.RunAsync<ClaimBroadcastRecipients.Handler, IReadOnlyList<ClaimBroadcastRecipients.Claimed>>(h => h.ClaimAsync(max, CancellationToken.None));

    private Task<DateTime?> NextDueAsync() =>
        _world.RunAsync<ClaimBroadcastRecipients.Handler, DateTime?>(h => h.NextDueAsync(CancellationToken.None));

    private Task AddClientAsync(long id, DateTime lastSeenUtc, bool blocked = false) => _world.InDbAsync(async db =>
    {
        var client = new Client(id, "Client " + id, null, null, "ru", lastSeenUtc);
        if (blocked)
        {
            client.MarkBlocked();
        }

        db.Clients.Add(client);
        await db.SaveChangesAsync();
    });

    private Task AddBookingAsync(long clientId, DateTime startUtc, bool cancel = false) => _world.InDbAsync(async db =>
    {
        var service = await db.Services.SingleAsync(s => s.Id == _world.ServiceId);
        var booking = Domain.Booking.Create(clientId, service, startUtc, Actor.Client, clientId, new NotificationPlan([], 120), startUtc.AddDays(-10));
        if (cancel)
        {
            booking.Cancel(Actor.Client, clientId, null, startUtc.AddDays(-5));
        }

        db.Bookings.Add(booking);
        await db.SaveChangesAsync();
    });

    private async Task AddAdminAsync() => await _world.InDbAsync(async db =>
    {
        db.Clients.Add(new Client(AdminId, "Owner", null, null, "ru", CoreWorld.Now.UtcDateTime));
        db.Admins.Add(new Admin(AdminId, AdminRole.SuperAdmin, AdminId, CoreWorld.Now.UtcDateTime));
        await db.SaveChangesAsync();
    });

    [StorageFact]
    public async Task All_clients_leaves_out_admins_and_clients_who_blocked_the_bot()
    {
        var now = CoreWorld.Now.UtcDateTime;
        await AddAdminAsync();
        await AddClientAsync(1, now);
        await AddClientAsync(2, now.AddDays(-200));
        await AddClientAsync(3, now, blocked: true);

        Assert.Equal([1L, 2L], await IdsAsync(Audience.All));
        Assert.Equal(2, await CountAsync(Audience.All));
    }

    [StorageFact]
    public async Task With_future_bookings_takes_only_clients_with_a_confirmed_booking_still_ahead()
    {
        var now = CoreWorld.Now.UtcDateTime;
        foreach (var id in new long[] { 1, 2, 3, 4 })
        {
            await AddClientAsync(id, now);
        }

        await AddBookingAsync(1, now.AddDays(2));
        await AddBookingAsync(2, now.AddDays(-2));
        await AddBookingAsync(3, now.AddDays(3), cancel: true);

        Assert.Equal([1L], await IdsAsync(Audience.WithFutureBookings));
    }

    [StorageFact]
    public async Task Inactive_for_n_days_takes_clients_silent_at_least_that_long()
    {
        var now = CoreWorld.Now.UtcDateTime;
        await AddClientAsync(1, now.AddDays(-10));
        await AddClientAsync(2, now.AddDays(-30));
        await AddClientAsync(3, now.AddDays(-61));
        await AddClientAsync(4, now.AddDays(-120), blocked: true);

        Assert.Equal([2L, 3L], await IdsAsync(Audience.InactiveFor(30)));
        Assert.Equal([3L], await IdsAsync(Audience.InactiveFor(60)));
        Assert.Empty(await IdsAsync(Audience.InactiveFor(90)));
    }

    [StorageFact]
    public async Task Creating_writes_one_pending_recipient_per_client_and_an_audit_entry_in_one_go()
    {
        var now = CoreWorld.Now.UtcDateTime;
        await AddAdminAsync();
        await AddClientAsync(1, now);
        await AddClientAsync(2, now);

        var result = await CreateAsync(Audience.All, "Скидки <b>50%</b>");

        Assert.Equal(CreateBroadcast.Outcome.Created, result.Outcome);
        Assert.Equal(2, result.Recipients);
        var (broadcast, recipients, audit) = await _world.InDbAsync(async db => (
            await db.Broadcasts.SingleAsync(),
            await db.BroadcastRecipients.OrderBy(r => r.ClientId).ToListAsync(),
            await db.AuditEntries.SingleAsync()));
        Assert.Equal("Скидки <b>50%</b>", broadcast.Text);
        Assert.Equal((BroadcastStatus.Sending, 2, 77), (broadcast.Status, broadcast.Total, broadcast.ProgressMessageId));
        Assert.Equal([1L, 2L], recipients.Select(r => r.ClientId));
        Assert.All(recipients, r => Assert.Equal(RecipientStatus.Pending, r.Status));
        Assert.Equal(("broadcast.create", $"broadcast:{broadcast.Id}"), (audit.Action, audit.Target));
        Assert.Equal("""{"audience":"All","inactiveDays":null,"recipients":2,"length":17}""", audit.After);
    }

    [StorageFact]
    public async Task An_audience_with_nobody_in_it_creates_nothing()
    {
        await AddClientAsync(1, CoreWorld.Now.UtcDateTime);

        var result = await CreateAsync(Audience.InactiveFor(90));

        Assert.Equal(CreateBroadcast.Outcome.NoRecipients, result.Outcome);
        Assert.Equal(0, await _world.InDbAsync(db => db.Broadcasts.CountAsync()));
        Assert.Equal(0, await _world.InDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [StorageFact]
    public async Task Two_claimers_never_take_the_same_recipient()
    {
        var now = CoreWorld.Now.UtcDateTime;
        await _world.InDbAsync(async db =>
        {
            db.Clients.AddRange(Enumerable.Range(1, 300).Select(i => new Client(i, "C" + i, null, null, "ru", now)));
            await db.SaveChangesAsync();
        });
        await CreateAsync(Audience.All);

        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        async Task<List<int>> DrainAsync()
        {
            await start.Task;
            var mine = new List<int>();
            while (await ClaimAsync(3) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(c => c.Id));
                foreach (var claimed in batch)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(2), TimeProvider.System); // the call to Telegram
                    await _world.RunAsync<BroadcastOutcomes, bool>(async o =>
                    {
                        await o.SentAsync(claimed.Id, CancellationToken.None);
                        return true;
                    });
                }
            }

            return mine;
        }

        var claimers = Enumerable.Range(0, 4).Select(_ => Task.Run(DrainAsync)).ToList();
        start.SetResult();
        var results = await Task.WhenAll(claimers);

        var all = results.SelectMany(r => r).ToList();
        Assert.Equal(300, all.Count);
        Assert.Equal(300, all.Distinct().Count());
        Assert.True(results.Count(r => r.Count > 0) > 1, "the claimers should have shared the work");
        Assert.Equal(300, await _world.InDbAsync(db => db.BroadcastRecipients.CountAsync(r => r.Status == RecipientStatus.Sent)));
    }

    [StorageFact]
    public async Task A_claimed_recipient_is_taken_again_only_after_its_lease_runs_out()
    {
        await AddClientAsync(1, CoreWorld.Now.UtcDateTime);
        await CreateAsync(Audience.All);

        var first = Assert.Single(await ClaimAsync(10));
        Assert.Empty(await ClaimAsync(10));
        _world.Clock.Advance(ClaimBroadcastRecipients.Lease - TimeSpan.FromSeconds(1));
        Assert.Empty(await ClaimAsync(10));
        _world.Clock.Advance(TimeSpan.FromSeconds(1));

        var again = Assert.Single(await ClaimAsync(10));
        Assert.Equal(first.Id, again.Id);
    }

    [StorageFact]
    public async Task A_copy_postponed_by_flood_control_is_the_next_due_and_is_claimed_again_once_its_wait_is_over()
    {
        await AddClientAsync(1, CoreWorld.Now.UtcDateTime);
        await AddClientAsync(2, CoreWorld.Now.UtcDateTime);
        Assert.Null(await NextDueAsync());
        await CreateAsync(Audience.All);
        var batch = await ClaimAsync(10);
        await _world.RunAsync<BroadcastOutcomes, bool>(async o =>
        {
            await o.SentAsync(batch[0].Id, CancellationToken.None);
            await o.PostponeAsync(batch[1].Id, TimeSpan.FromSeconds(1.1), CancellationToken.None);
            return true;
        });

        Assert.Equal(CoreWorld.Now.UtcDateTime.AddSeconds(1.1), await NextDueAsync());
        Assert.Empty(await ClaimAsync(10));
        _world.Clock.Advance(TimeSpan.FromSeconds(1.1));
        var again = Assert.Single(await ClaimAsync(10));

        Assert.Equal((batch[1].Id, 2L), (again.Id, again.ClientId));
        Assert.Equal(1, await _world.InDbAsync(db => db.BroadcastRecipients.Where(r => r.Id == again.Id).Select(r => r.Attempts).SingleAsync()));
    }

    [StorageFact]
    public async Task Released_claims_are_taken_again_at_once_and_sent_ones_never()
    {
        await AddClientAsync(1, CoreWorld.Now.UtcDateTime);
        await AddClientAsync(2, CoreWorld.Now.UtcDateTime);
        await CreateAsync(Audience.All);
        var batch = await ClaimAsync(10);
        await _world.RunAsync<BroadcastOutcomes, bool>(async o =>
        {
            await o.SentAsync(batch[0].Id, CancellationToken.None);
            await o.ReleaseAsync([batch[1].Id], CancellationToken.None);
            return true;
        });

        var again = Assert.Single(await ClaimAsync(10));
        Assert.Equal(2, again.ClientId);
        await _world.RunAsync<BroadcastOutcomes, bool>(async o =>
        {
            await o.SentAsync(again.Id, CancellationToken.None);
            return true;
        });
        _world.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Empty(await ClaimAsync(10));
    }

    [StorageFact]
    public async Task A_client_who_blocked_the_bot_after_the_broadcast_was_created_is_marked_blocked_not_claimed()
    {
        await AddClientAsync(1, CoreWorld.Now.UtcDateTime);
        await AddClientAsync(2, CoreWorld.Now.UtcDateTime);
        await CreateAsync(Audience.All);
        await _world.InDbAsync(db => db.Clients.Where(c => c.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(c => c.IsBlocked, true)));

        var claimed = Assert.Single(await ClaimAsync(10));

        Assert.Equal(2, claimed.ClientId);
        Assert.Equal(RecipientStatus.Blocked, await _world.InDbAsync(db => db.BroadcastRecipients.Where(r => r.ClientId == 1).Select(r => r.Status).SingleAsync()));
    }

    [StorageFact]
    public async Task A_broadcast_is_closed_once_with_counts_taken_from_its_recipients()
    {
        foreach (var id in new long[] { 1, 2, 3, 4 })
        {
            await AddClientAsync(id, CoreWorld.Now.UtcDateTime);
        }

        await CreateAsync(Audience.All);
        var batch = await ClaimAsync(10);
        var early = await _world.RunAsync<BroadcastOutcomes, IReadOnlyList<BroadcastOutcomes.Progress>>(async o =>
        {
            await o.SentAsync(batch[0].Id, CancellationToken.None);
            await o.BlockedAsync(batch[1].Id, CancellationToken.None);
            await o.PostponeAsync(batch[2].Id, TimeSpan.FromSeconds(30), CancellationToken.None);
            await o.FailedAsync(batch[3].Id, "chat not found", final: true, CancellationToken.None);
            return await o.FinishCompletedAsync(CancellationToken.None);
        });
        Assert.Empty(early);
        Assert.Empty(await ClaimAsync(10));
        _world.Clock.Advance(TimeSpan.FromSeconds(30));

        var retry = Assert.Single(await ClaimAsync(10));
        Assert.Equal(batch[2].Id, retry.Id);
        var (final, again) = await _world.RunAsync<BroadcastOutcomes, (IReadOnlyList<BroadcastOutcomes.Progress>, IReadOnlyList<BroadcastOutcomes.Progress>)>(async o =>
        {
            await o.SentAsync(retry.Id, CancellationToken.None);
            return (await o.FinishCompletedAsync(CancellationToken.None), await o.FinishCompletedAsync(CancellationToken.None));
        });

        var report = Assert.Single(final);
        Assert.Equal((4, 2, 1, 1), (report.Total, report.Sent, report.Blocked, report.Failed));
        Assert.Empty(again);
        var stored = await _world.InDbAsync(db => db.Broadcasts.SingleAsync());
        Assert.Equal((BroadcastStatus.Done, 2, 1, 1), (stored.Status, stored.Sent, stored.Blocked, stored.Failed));
        Assert.Equal(1, await _world.InDbAsync(db => db.BroadcastRecipients.Where(r => r.Id == retry.Id).Select(r => r.Attempts).SingleAsync()));
    }

    [StorageFact]
    public async Task The_list_shows_the_newest_broadcast_first_with_live_counts_while_it_is_still_going_out()
    {
        foreach (var id in new long[] { 1, 2, 3 })
        {
            await AddClientAsync(id, CoreWorld.Now.UtcDateTime);
        }

        await AddBookingAsync(1, CoreWorld.Now.UtcDateTime.AddDays(2));
        await CreateAsync(Audience.WithFutureBookings, "First");
        await _world.RunAsync<BroadcastOutcomes, bool>(async o =>
        {
            await o.SentAsync((await ClaimAsync(10)).Single().Id, CancellationToken.None);
            return (await o.FinishCompletedAsync(CancellationToken.None)).Count == 1;
        });
        await CreateAsync(Audience.InactiveFor(30), "Second");
        await CreateAsync(Audience.All, "Third");
        var batch = await ClaimAsync(2);
        await _world.RunAsync<BroadcastOutcomes, bool>(async o =>
        {
            await o.SentAsync(batch[0].Id, CancellationToken.None);
            await o.BlockedAsync(batch[1].Id, CancellationToken.None);
            return true;
        });

        var list = await _world.RunAsync<ListBroadcasts.Handler, IReadOnlyList<ListBroadcasts.Item>>(h => h.HandleAsync(10, CancellationToken.None));

        Assert.Equal(["Third", "First"], list.Select(b => b.Text));
        Assert.Equal((Audience.All, BroadcastStatus.Sending, 3, 1, 1, 0, 2), (list[0].Audience, list[0].Status, list[0].Total, list[0].Sent, list[0].Blocked, list[0].Failed, list[0].Done));
        Assert.Equal((Audience.WithFutureBookings, BroadcastStatus.Done, 1, 1), (list[1].Audience, list[1].Status, list[1].Total, list[1].Sent));
        Assert.Single(await _world.RunAsync<ListBroadcasts.Handler, IReadOnlyList<ListBroadcasts.Item>>(h => h.HandleAsync(1, CancellationToken.None)));
    }
}

public sealed class BroadcastQueueOnSqlite() : BroadcastQueueTests(Storage.Sqlite);

public sealed class BroadcastQueueOnPostgres() : BroadcastQueueTests(Storage.Postgres), IRunsOnPostgres;
