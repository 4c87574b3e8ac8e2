using System.Text.Json;
using Booking.Bot.Broadcasts;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>
/// A7 through the fake Bot API: the owner composes, picks the audience, previews and confirms; the copies go out in
/// the background at most BROADCAST_RATE a second of the fake clock, each client gets exactly one, clients who
/// blocked the bot are marked and reported, and a restart in the middle sends the rest and nobody twice.
/// </summary>
public sealed partial class BroadcastTests : IAsyncDisposable
{
    private const long FirstClient = 2001;
    private const string Typed = "Скидка <b>50%</b> & <a href=\"http://evil.example\">приз</a>";
    private const string Escaped = "Скидка &lt;b&gt;50%&lt;/b&gt; &amp; &lt;a href=&quot;http://evil.example&quot;&gt;приз&lt;/a&gt;";

    private BotScenario _s = null!;

    public async ValueTask DisposeAsync() => await _s.DisposeAsync();

    private async Task<List<FakeUser>> StartWithClientsAsync(int count, string? rate = null)
    {
        _s = await BotScenario.StartAsync(settings: rate is null ? null : new Dictionary<string, string?> { ["BROADCAST_RATE"] = rate });
        var users = Enumerable.Range(0, count).Select(i => _s.User(FirstClient + i, "Клиент" + i)).ToList();
        await _s.Host.DbAsync(async db =>
        {
            db.Clients.AddRange(users.Select(u => new Client(u.Id, u.FirstName, null, null, "ru", _s.Clock.GetUtcNow().UtcDateTime)));
            await db.SaveChangesAsync();
        });
        return users;
    }

    /// <summary>Through the panel up to the preview card; returns the owner.</summary>
    private async Task<FakeUser> ComposeAsync(string audienceButton = "👥 Всем клиентам")
    {
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📣 Рассылка");
        await owner.SendTextAsync(Typed);
        await owner.PressAsync(audienceButton);
        return owner;
    }

    private BroadcastPacer Pacer => _s.Host.Services.GetRequiredService<BroadcastPacer>();

    private static long ChatOf(RecordedCall call) => JsonDocument.Parse(call.Body).RootElement.GetProperty("chat_id").GetInt64();

    private List<RecordedCall> SendsToClients() => _s.Api.Calls
        .Where(c => c.Method == "sendMessage" && ChatOf(c) is >= FirstClient and < FirstClient + 1000)
        .ToList();

    private async Task WaitForPacedSendsAsync(int count) =>
        await Eventually.UntilAsync(() => SendsToClients().Count == count && Pacer.IsWaiting, $"{count} copies went out and the sender waits for the clock");

    private static bool HasReport(FakeUser owner) => owner.Messages.Any(m => m.Text.Contains("Рассылка №1 завершена</b>", StringComparison.Ordinal));

    [Fact]
    public async Task The_owner_broadcasts_to_thirty_clients_at_25_a_second_each_gets_one_escaped_copy_and_a_blocked_client_is_reported()
    {
        var clients = await StartWithClientsAsync(30);
        var owner = await ComposeAsync();

        Assert.Contains(owner.Messages, m => m.Text == Escaped);
        var card = owner.LastMessage;
        Assert.Contains("получат 30 получателей (все клиенты)", card.Text, StringComparison.Ordinal);
        Assert.Empty(SendsToClients());

        _s.Api.Fail("sendMessage", 403, "Forbidden: bot was blocked by the user");
        await owner.PressAsync("📣 Отправить 30");

        await WaitForPacedSendsAsync(25);
        Assert.Contains("готово 25 из 30", owner.Messages.Single(m => m.MessageId == card.MessageId).Text, StringComparison.Ordinal);
        Assert.False(HasReport(owner));

        _s.Clock.Advance(BroadcastPacer.Window);
        await Eventually.UntilAsync(() => HasReport(owner), "the owner got the final report");

        Assert.Empty(clients[0].Messages);
        Assert.All(clients.Skip(1), c => Assert.Equal(Escaped, Assert.Single(c.Messages).Text));
        var report = owner.LastMessage.Text;
        Assert.Contains("Доставлено: 29", report, StringComparison.Ordinal);
        Assert.Contains("Заблокировали бота: 1", report, StringComparison.Ordinal);
        Assert.Contains("Не доставлено: 0", report, StringComparison.Ordinal);
        Assert.Contains("завершена: 30 из 30", owner.Messages.Single(m => m.MessageId == card.MessageId).Text, StringComparison.Ordinal);

        var perSecond = SendsToClients().GroupBy(c => c.At).Select(g => g.Count()).ToList();
        Assert.Equal([25, 5], perSecond);
        var (blocked, statuses, audit) = await _s.Host.DbAsync(async db => (
            await db.Clients.Where(c => c.Id == FirstClient).Select(c => c.IsBlocked).SingleAsync(),
            await db.BroadcastRecipients.Select(r => r.Status).ToListAsync(),
            await db.AuditEntries.Where(a => a.Action == "broadcast.create").SingleAsync()));
        Assert.True(blocked);
        Assert.Equal(["Sent=29", "Blocked=1"], statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Key}={g.Count()}"));
        Assert.Equal(BotScenario.AdminId, audit.ActorId);
        Assert.Contains("\"audience\":\"All\"", audit.After, StringComparison.Ordinal);
        Assert.Contains("\"recipients\":30", audit.After, StringComparison.Ordinal);
        Assert.Equal(0, owner.UnansweredCallbacks);
    }

    [Fact]
    public async Task A_restart_in_the_middle_sends_the_rest_and_nobody_gets_two_copies()
    {
        var clients = await StartWithClientsAsync(30, rate: "10");
        var owner = await ComposeAsync();
        await owner.PressAsync("📣 Отправить 30");
        await WaitForPacedSendsAsync(10);

        await _s.Host.StopAsync();
        await _s.Host.StartAsync();
        await WaitForPacedSendsAsync(20);
        _s.Clock.Advance(BroadcastPacer.Window);
        await Eventually.UntilAsync(() => HasReport(owner), "the owner got the final report");

        Assert.All(clients, c => Assert.Equal(Escaped, Assert.Single(c.Messages).Text));
        Assert.Equal(30, SendsToClients().Count);
        Assert.Contains("Доставлено: 30", owner.LastMessage.Text, StringComparison.Ordinal);
        var attempts = await _s.Host.DbAsync(db => db.BroadcastRecipients.Select(r => r.Attempts).Distinct().ToListAsync());
        Assert.Equal([1], attempts);
    }

    [Fact]
    public async Task An_audience_with_bookings_ahead_counts_only_those_clients_and_a_second_tap_on_send_queues_nothing()
    {
        await StartWithClientsAsync(3);
        await _s.Host.DbAsync(async db =>
        {
            var massage = await db.Services.SingleAsync(s => s.Id == _s.MassageId);
            var start = _s.Clock.GetUtcNow().UtcDateTime.AddDays(2);
            db.Bookings.Add(Booking.Core.Domain.Booking.Create(FirstClient + 1, massage, start, Actor.Client, FirstClient + 1, new NotificationPlan([], 120), start.AddDays(-3)));
            await db.SaveChangesAsync();
        });

        var owner = await ComposeAsync("📅 С будущими записями");
        Assert.Contains("получат 1 получателей (клиенты с будущими записями)", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.PressTwiceAsync("📣 Отправить 1", TimeSpan.Zero);
        await Eventually.UntilAsync(() => HasReport(owner), "the owner got the final report");

        Assert.Equal(1, await _s.Host.DbAsync(db => db.Broadcasts.CountAsync()));
        Assert.Equal([FirstClient + 1], SendsToClients().Select(ChatOf));
    }

    [Fact]
    public async Task A_text_too_long_once_escaped_is_refused_and_nothing_is_queued()
    {
        await StartWithClientsAsync(1);
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("📣 Рассылка");

        await owner.SendTextAsync(new string('<', 1500));

        Assert.Contains("Слишком длинно: 6000 символов", owner.LastMessage.Text, StringComparison.Ordinal);
        await owner.SendTextAsync("/cancel");
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Broadcasts.CountAsync()));
        Assert.Equal(0, await _s.Host.DbAsync(db => db.Conversations.CountAsync()));
    }
}
