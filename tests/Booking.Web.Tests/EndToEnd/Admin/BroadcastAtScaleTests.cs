using System.Diagnostics;
using Booking.Bot.Broadcasts;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>
/// A7 at scale: 2,000 clients, flood control and blocked clients injected along the way, and a host restart half-way.
/// The fake clock is moved one second at a time whenever the sender waits for it, so nothing sleeps but a copy whose
/// chat is still closed by the flood gate after its 429.
/// </summary>
public sealed class BroadcastAtScaleTests : IAsyncDisposable
{
    private const long FirstClient = 10_001;
    private const int Clients = 2000;
    private const int Rate = 30;
    private const string Blocked = "Forbidden: bot was blocked by the user";

    private BotScenario _s = null!;

    public async ValueTask DisposeAsync() => await _s.DisposeAsync();

    private BroadcastPacer Pacer => _s.Host.Services.GetRequiredService<BroadcastPacer>();

    private int SendAttempts() => _s.Api.Calls.Count(c => c.Method == "sendMessage");

    private static bool HasReport(FakeUser owner) => owner.Messages.Any(m => m.Text.Contains("Рассылка №1 завершена</b>", StringComparison.Ordinal));

    /// <summary>
    /// Moves the fake clock on a second whenever the sender waits for it (or has gone quiet: copies postponed by flood
    /// control wait for the worker's periodic sweep) until <paramref name="done"/> holds.
    /// </summary>
    private async Task RunUntilAsync(Func<bool> done, string what)
    {
        var watch = Stopwatch.StartNew();
        var last = SendAttempts();
        var quiet = Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), "Timed out waiting until " + what);
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            var now = SendAttempts();
            if (now != last)
            {
                (last, quiet) = (now, Stopwatch.StartNew());
            }

            if (Pacer.IsWaiting || quiet.Elapsed > TimeSpan.FromMilliseconds(300))
            {
                _s.Clock.Advance(BroadcastPacer.Window);
                quiet.Restart();
            }
        }
    }

    /// <summary>Lets the sender reach a second boundary so the next failures land on broadcast copies, not the owner's screens.</summary>
    private async Task AtNextTurnAsync(Action inject)
    {
        var watch = Stopwatch.StartNew();
        while (!Pacer.IsWaiting)
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), "The sender never waited for the clock");
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
        }

        inject();
    }

    [Fact]
    public async Task Two_thousand_clients_with_flood_control_blocked_clients_and_a_restart_each_get_exactly_one_copy()
    {
        _s = await BotScenario.StartAsync(settings: new Dictionary<string, string?> { ["BROADCAST_RATE"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var clients = Enumerable.Range(0, Clients).Select(i => _s.User(FirstClient + i, "Клиент" + i)).ToList();
        await _s.Host.DbAsync(async db =>
        {
            db.Clients.AddRange(clients.Select(u => new Client(u.Id, u.FirstName, null, null, "ru", _s.Clock.GetUtcNow().UtcDateTime)));
            await db.SaveChangesAsync();
        });
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📣 Рассылка");
        await owner.SendTextAsync("Новогодние окна открыты");
        await owner.PressAsync("👥 Всем клиентам");
        var watch = Stopwatch.StartNew();
        await owner.PressAsync($"📣 Отправить {Clients}");

        // First half: 25 clients have blocked the bot, flood control for one client and then for four in a row (each
        // copy is postponed on its own: too few refusals to hold everyone).
        await AtNextTurnAsync(() => _s.Api.Fail("sendMessage", 403, Blocked, times: 25));
        await RunUntilAsync(() => SendAttempts() >= 300, "300 copies were tried");
        await AtNextTurnAsync(() => _s.Api.Fail("sendMessage", 429, "Too Many Requests: retry after 1", times: 1, retryAfter: 1));
        await RunUntilAsync(() => SendAttempts() >= 600, "600 copies were tried");
        await AtNextTurnAsync(() => _s.Api.Fail("sendMessage", 429, "Too Many Requests: retry after 1", times: 1 + BotHost.TelegramRetries, retryAfter: 1));
        await RunUntilAsync(() => SendAttempts() >= Clients / 2, "half the copies were tried");

        await AtNextTurnAsync(() => { });
        await _s.Host.RestartAsync();

        // Second half, after the restart: 25 more blocked clients and flood control again.
        await AtNextTurnAsync(() => _s.Api.Fail("sendMessage", 403, Blocked, times: 25));
        await RunUntilAsync(() => SendAttempts() >= 1500, "1,500 copies were tried");
        await AtNextTurnAsync(() => _s.Api.Fail("sendMessage", 429, "Too Many Requests: retry after 1", times: 1, retryAfter: 1));
        await RunUntilAsync(() => HasReport(owner), "the owner got the final report");

        var (blockedIds, statuses) = await _s.Host.DbAsync(async db => (
            await db.Clients.Where(c => c.IsBlocked).Select(c => c.Id).ToListAsync(),
            await db.BroadcastRecipients.GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count)));
        Assert.Equal(50, blockedIds.Count);
        Assert.All(clients.Where(c => blockedIds.Contains(c.Id)), c => Assert.Empty(c.Messages));
        Assert.All(clients.Where(c => !blockedIds.Contains(c.Id)), c => Assert.Equal("Новогодние окна открыты", Assert.Single(c.Messages).Text));
        Assert.Equal(new Dictionary<RecipientStatus, int> { [RecipientStatus.Sent] = Clients - 50, [RecipientStatus.Blocked] = 50 }, statuses);

        var report = owner.Messages.Single(m => m.Text.Contains("Рассылка №1 завершена</b>", StringComparison.Ordinal)).Text;
        Assert.Contains($"Доставлено: {Clients - 50}", report, StringComparison.Ordinal);
        Assert.Contains("Заблокировали бота: 50", report, StringComparison.Ordinal);
        Assert.Contains("Не доставлено: 0", report, StringComparison.Ordinal);
        Assert.Contains($"Всего получателей: {Clients}", report, StringComparison.Ordinal);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60), $"took {watch.Elapsed}");
    }
}
