using System.Diagnostics;
using System.Text.Json;
using Booking.Bot.Broadcasts;
using Booking.Bot.Notifications;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd.ScaleOut;

/// <summary>
/// The background senders of two instances on one database claim their work with leases inside the write gate, so
/// with both running every reminder and every broadcast copy goes out exactly once. Counted in the Bot API's call log.
/// </summary>
public sealed class TwoHostWorkersTests : IAsyncLifetime
{
    private ClusterScenario _s = null!;

    public async Task InitializeAsync() => _s = await ClusterScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    /// <summary>Messages sent to <paramref name="chatId"/> whose text passes <paramref name="match"/>, as the Bot API received them.</summary>
    private int SendsTo(long chatId, Func<string, bool> match) => _s.Api.Calls.Count(c =>
    {
        if (c.Method != "sendMessage")
        {
            return false;
        }

        using var body = JsonDocument.Parse(c.Body);
        var root = body.RootElement;
        return root.TryGetProperty("chat_id", out var id) && id.ValueKind == JsonValueKind.Number && id.GetInt64() == chatId
            && root.TryGetProperty("text", out var text) && match(text.GetString() ?? string.Empty);
    });

    private Task<int[]> SweepBothAsync<TWorker>(Func<TWorker, Task<int>> sweep) where TWorker : notnull =>
        Task.WhenAll(_s.Hosts.Select(h => Task.Run(() => sweep(h.Services.GetRequiredService<TWorker>()))));

    private async Task<List<FakeUser>> AddClientsAsync(int count, long firstId)
    {
        var users = Enumerable.Range(0, count).Select(i => _s.User(firstId + i, "Клиент" + i)).ToList();
        await _s.Hosts[0].DbAsync(async db =>
        {
            db.Clients.AddRange(users.Select(u => new Client(u.Id, u.FirstName, null, null, "ru", _s.Clock.GetUtcNow().UtcDateTime)));
            await db.SaveChangesAsync();
        });
        return users;
    }

    [PostgresFact]
    public async Task Each_reminder_is_sent_exactly_once_while_both_hosts_send_them()
    {
        // Nine clients booked on Friday 4 December, one each hour from 09:00 to 17:00 Moscow time.
        var clients = await AddClientsAsync(9, 3000);
        await _s.Hosts[0].DbAsync(async db =>
        {
            var plan = NotificationPlan.From(await db.Settings.SingleAsync());
            var service = await db.Services.SingleAsync(s => s.Id == _s.MassageId);
            var now = _s.Clock.GetUtcNow().UtcDateTime;
            for (var i = 0; i < clients.Count; i++)
            {
                var start = new DateTime(2026, 12, 4, 6 + i, 0, 0, DateTimeKind.Utc);
                db.Bookings.Add(Booking.Core.Domain.Booking.Create(clients[i].Id, service, start, Actor.Client, clients[i].Id, plan, now));
            }

            await db.SaveChangesAsync();
        });

        // Hour by hour from Thursday 08:00 to Friday 18:00: both hosts' workers sweep at once, twice, at every step
        // (and their own timers fire as the clock moves).
        for (var at = new DateTimeOffset(2026, 12, 3, 5, 0, 0, TimeSpan.Zero); at <= new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero); at = at.AddHours(1))
        {
            _s.Clock.SetUtcNow(at);
            await SweepBothAsync<NotificationWorker>(w => w.SweepAsync(CancellationToken.None));
            await SweepBothAsync<NotificationWorker>(w => w.SweepAsync(CancellationToken.None));
        }

        Assert.All(clients, c =>
        {
            Assert.Equal(3, SendsTo(c.Id, t => t.StartsWith('⏰')));
            var reminders = c.Messages.Where(m => m.Text.StartsWith('⏰')).Select(m => m.Text).ToList();
            Assert.Equal(3, reminders.Distinct().Count());
            Assert.True(SendsTo(c.Id, t => t.StartsWith("💬", StringComparison.Ordinal)) <= 1);
        });
        var reminderStates = await _s.Hosts[1].DbAsync(db => db.Notifications
            .Where(n => n.Kind == NotificationKind.Reminder).Select(n => n.Status).ToListAsync());
        Assert.Equal(27, reminderStates.Count);
        Assert.All(reminderStates, s => Assert.Equal(NotificationStatus.Sent, s));
    }

    [PostgresFact]
    public async Task A_broadcast_started_on_one_host_reaches_each_of_three_hundred_clients_exactly_once_while_both_send()
    {
        const int Count = 300;
        var clients = await AddClientsAsync(Count, 10_001);
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📣 Рассылка");
        await owner.SendTextAsync("Новогодние окна открыты");
        await owner.PressAsync("👥 Всем клиентам");
        var confirm = owner.PressUpdate($"📣 Отправить {Count}");
        var first = _s.Hosts[0];
        Assert.Equal(System.Net.HttpStatusCode.OK, await _s.Webhook.PostAsync(confirm, first.WebhookEndpoint));

        // The other host joins through its own sweeps while the first one's worker, woken by the confirmation, sends.
        var watch = Stopwatch.StartNew();
        var second = Task.Run(async () =>
        {
            while (!clients.All(c => c.Messages.Count > 0) && watch.Elapsed < TimeSpan.FromSeconds(90))
            {
                await _s.Hosts[1].Services.GetRequiredService<BroadcastWorker>().SweepAsync(CancellationToken.None);
                await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
            }
        });
        while (!owner.Messages.Any(m => m.Text.Contains("Рассылка №1 завершена</b>", StringComparison.Ordinal)))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), "The broadcast did not finish in 90 s");
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            if (_s.Hosts.Any(h => h.Services.GetRequiredService<BroadcastPacer>().IsWaiting))
            {
                _s.Clock.Advance(BroadcastPacer.Window);
            }
        }

        await second;
        Assert.All(clients, c =>
        {
            Assert.Equal(1, SendsTo(c.Id, t => t == "Новогодние окна открыты"));
            Assert.Equal("Новогодние окна открыты", Assert.Single(c.Messages).Text);
        });
        var states = await _s.Hosts[1].DbAsync(db => db.BroadcastRecipients.Select(r => r.Status).ToListAsync());
        Assert.Equal(Count, states.Count(s => s == RecipientStatus.Sent));
    }
}
