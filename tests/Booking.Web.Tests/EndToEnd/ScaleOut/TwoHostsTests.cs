using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Booking.Web.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Two instances of the bot on one PostgreSQL database behind a load balancer: every update goes to one of them in
/// turn, and the invariants of a single instance must hold for the pair.
/// </summary>
public sealed class TwoHostsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ClusterScenario _s = null!;

    // The per-user rate limit is counted per instance and is not what is under test here.
    public async Task InitializeAsync() =>
        _s = await ClusterScenario.StartAsync(settings: new Dictionary<string, string?> { ["RATE_LIMIT_ACTIONS"] = "50" });

    public async Task DisposeAsync() => await _s.DisposeAsync();

    internal static async Task OpenConfirmAsync(FakeUser user, string day, string time)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync(day);
        await user.PressAsync(time);
    }

    [PostgresFact]
    public async Task Both_hosts_start_at_once_on_a_new_database_take_webhooks_and_never_poll()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");

        await anna.SendTextAsync("/start");
        await boris.SendTextAsync("/start");

        Assert.Contains("Здравствуйте, Анна", anna.Messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("Здравствуйте, Борис", boris.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(2, _s.Api.Calls.Count(c => c.Method == "setWebhook"));
        Assert.DoesNotContain(_s.Api.Calls, c => c.Method is "getUpdates" or "deleteWebhook");
        Assert.Equal(1, await _s.Hosts[1].DbAsync(db => db.Settings.CountAsync()));
        Assert.Equal(7, await _s.Hosts[1].DbAsync(db => db.WorkingDays.CountAsync()));
    }

    [PostgresFact]
    public void Starting_on_a_new_database_logs_no_error()
    {
        // Both hosts have started, racing to migrate the new database. The provider finds out that a new database has no
        // migrations history by querying the table, and EF logs that failed query as an error: an operator's first
        // start must not open with errors that mean nothing.
        var errors = _s.LoggedErrors();
        Assert.True(errors.Count == 0, "Logged at Error level:\n" + string.Join("\n", errors));
    }

    [PostgresFact]
    public async Task Two_hundred_confirm_taps_from_fifty_clients_over_two_hosts_make_exactly_one_booking()
    {
        var users = Enumerable.Range(0, 50).Select(i => _s.User(2000 + i, "Клиент" + i)).ToList();
        await Task.WhenAll(users.Select(u => OpenConfirmAsync(u, "7 🟢", "15:00")));
        var cards = users.Select(u => (User: u, u.LastMessage.MessageId, Data: u.LastMessage.Buttons.Single(b => b.Text == "✅ Подтвердить").CallbackData!)).ToList();

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(cards.SelectMany(c => Enumerable.Range(0, 4).Select(_ => c.User.PressDataAsync(c.MessageId, c.Data))));
        watch.Stop();

        var bookings = await _s.BookingsAsync();
        output.WriteLine($"200 confirm taps from 50 clients over 2 hosts: {bookings.Count} booking(s) in {watch.Elapsed.TotalSeconds:0.00} s");
        var booking = Assert.Single(bookings);
        Assert.Equal(new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc), booking.StartUtc);
        var winners = users.Where(u => u.Messages.Any(m => m.Text.Contains("Вы записаны", StringComparison.Ordinal))).ToList();
        Assert.Equal(booking.ClientId, Assert.Single(winners).Id);
        Assert.All(users.Where(u => u.Id != booking.ClientId),
            u => Assert.Contains(u.Messages, m => m.Text.Contains("только что заняли", StringComparison.Ordinal)));
        Assert.All(users, u => Assert.Equal(0, u.UnansweredCallbacks));
        // Every press answered exactly once: three in the wizard and four confirm taps per client.
        Assert.Equal(50 * (3 + 4), users.Sum(u => u.CallbackAnswers.Count));
        Assert.Single(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task The_same_confirm_posted_ten_times_at_once_over_both_hosts_books_once_and_is_answered_once()
    {
        var anna = _s.User(1001, "Анна");
        await OpenConfirmAsync(anna, "2 🟢", "10:00");
        var update = anna.PressUpdate("✅ Подтвердить");

        var statuses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _s.Webhook.PostAsync(update, _s.Webhook.Endpoints[i % 2])));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal((1001L, BookingStatus.Confirmed), (booking.ClientId, booking.Status));
        Assert.Single(anna.CallbackAnswers, a => a.QueryId == update.CallbackQuery!.Id);
        Assert.Single(anna.Messages, m => m.Text.Contains("Вы записаны", StringComparison.Ordinal));
        Assert.Single(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
        Assert.Equal(1, await _s.Hosts[0].DbAsync(db => db.ProcessedUpdates.CountAsync(p => p.UpdateId == update.Id)));
    }

    [PostgresFact]
    public async Task The_same_start_posted_to_both_hosts_at_once_is_answered_once()
    {
        var boris = _s.User(1002, "Борис");
        var update = boris.TextUpdate("/start");

        var statuses = await Task.WhenAll(_s.Webhook.Endpoints.Select(e => _s.Webhook.PostAsync(update, e)));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Single(boris.Messages, m => m.Text.Contains("Здравствуйте, Борис", StringComparison.Ordinal));
        Assert.Equal(1, await _s.Hosts[1].DbAsync(db => db.Clients.CountAsync(c => c.Id == boris.Id)));
    }

    [PostgresFact]
    public async Task A_client_books_sees_the_booking_and_cancels_it_with_each_step_served_by_either_host()
    {
        var anna = _s.User(1001, "Анна");
        await OpenConfirmAsync(anna, "3 🟢", "10:00");
        await anna.PressAsync("✅ Подтвердить");
        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);

        await anna.SendTextAsync("📋 Мои записи");
        Assert.Contains("3 декабря (чт), 10:00 — через 2 дн.", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.PressAsync("❌ Отменить #1");
        await anna.PressAsync("✅ Да, отменить");

        Assert.Contains("Запись отменена", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Cancelled, Assert.Single(await _s.BookingsAsync()).Status);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Отмена записи", StringComparison.Ordinal));
        await anna.SendTextAsync("/my");
        Assert.Contains("нет предстоящих записей", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(0, anna.UnansweredCallbacks);
    }

    [PostgresFact]
    public async Task An_admin_blocks_a_day_on_either_host_and_clients_of_both_see_it_closed()
    {
        var owner = _s.Admin;
        var anna = _s.User(1001, "Анна");
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🔒 Блокировки");
        await owner.PressAsync("➕ День");
        await owner.SendTextAsync("3.12");
        await owner.PressAsync("⏭ Без причины");
        await owner.PressAsync("✅ Закрыть");
        Assert.Contains("🔒 3 декабря (чт)", owner.LastMessage.Text, StringComparison.Ordinal);

        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "3 🔴");
        await anna.PressAsync("◀️ К услугам");
        await anna.PressAsync("Массаж");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "3 🔴");

        await owner.PressAsync("🔓 Снять: 3 декабря (чт)");
        await anna.PressAsync("◀️ К услугам");
        await anna.PressAsync("Массаж");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "3 🟢");
        Assert.Equal(["block.add", "block.remove"], await _s.Hosts[1].DbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync()));
    }
}
