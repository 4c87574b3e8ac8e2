using Booking.Bot.Notifications;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>C8, X5, C9 with a fake clock: each message at its instant, once, with the right words.</summary>
public sealed class RemindersTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private Task<int> SweepAsync(BotHost? host = null) =>
        (host ?? _s.Host).Services.GetRequiredService<NotificationWorker>().SweepAsync(CancellationToken.None);

    private void At(int day, int hour, int minute = 0) =>
        _s.Clock.SetUtcNow(new DateTimeOffset(2026, 12, day, hour - 3, minute, 0, TimeSpan.Zero));

    private static List<BotMessage> Reminders(FakeUser user) =>
        user.Messages.Where(m => m.Text.StartsWith('⏰') || m.Text.StartsWith("💬", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task A_booking_three_days_ahead_gets_three_reminders_and_one_review_request_at_the_right_instants()
    {
        await _s.UpdateSettingsAsync(s => s.Address = "ул. Ленина, 1");
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        var expected = new (int Day, int Hour, string Text)[]
        {
            (3, 10, "⏰ Напоминаю: завтра, 4 декабря (пт), в 10:00 вас ждёт Массаж."),
            (4, 8, "⏰ Напоминаю: сегодня в 10:00 — Массаж, через 2 часа."),
            (4, 9, "⏰ Напоминаю: сегодня в 10:00 — Массаж, через 1 час."),
            (4, 13, "💬 Как прошёл визит — Массаж, 4 декабря (пт)? Оцените, пожалуйста:"),
        };

        for (var i = 0; i < expected.Length; i++)
        {
            var (day, hour, text) = expected[i];
            At(day, hour - 1, 59);
            await SweepAsync();
            Assert.Equal(i, Reminders(anna).Count);

            At(day, hour);
            await SweepAsync();
            await SweepAsync();
            Assert.Equal(i + 1, Reminders(anna).Count);
            Assert.StartsWith(text, Reminders(anna)[i].Text, StringComparison.Ordinal);
        }

        Assert.Contains("📍 ул. Ленина, 1", Reminders(anna)[0].Text, StringComparison.Ordinal);
        Assert.Contains(Reminders(anna)[0].Buttons, b => b.Text == "✅ Приду");
        Assert.Empty(Reminders(anna)[1].Buttons);
        Assert.Equal(["1 ⭐", "2 ⭐", "3 ⭐", "4 ⭐", "5 ⭐"], Reminders(anna)[3].Buttons.Select(b => b.Text));

        At(9, 12);
        await SweepAsync();
        Assert.Equal(4, Reminders(anna).Count);
    }

    [Fact]
    public async Task A_booking_made_ninety_minutes_ahead_gets_only_the_one_hour_reminder()
    {
        _s.Clock.Advance(TimeSpan.FromMinutes(30));
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "1 🟢", "11:00");

        At(1, 10);
        await SweepAsync();
        At(1, 10, 59);
        await SweepAsync();

        var reminder = Assert.Single(Reminders(anna));
        Assert.Equal("⏰ Напоминаю: сегодня в 11:00 — Массаж, через 1 час.", reminder.Text);
    }

    [Fact]
    public async Task Cancelled_bookings_get_nothing_and_moved_ones_are_reminded_at_the_new_time()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        await BookingFlowTests.BookAsync(anna, "5 🟢", "10:00");
        await anna.SendTextAsync("/my");
        await anna.PressAsync("❌ Отменить #1");
        await anna.PressAsync("✅ Да, отменить");
        await anna.SendTextAsync("/my");
        await anna.PressAsync("🔄 Перенести #1");
        await anna.PressAsync("6 🟢");
        await anna.PressAsync("12:00");
        _s.Clock.Advance(TimeSpan.FromSeconds(10)); // a fourth booking action inside 10 s would be rate-limited
        await anna.PressAsync("✅ Перенести");

        At(5, 10);
        await SweepAsync();
        Assert.Empty(Reminders(anna));
        At(5, 12);
        await SweepAsync();
        var reminder = Assert.Single(Reminders(anna));
        Assert.StartsWith("⏰ Напоминаю: завтра, 6 декабря (вс), в 12:00", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reminders_survive_a_restart()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");

        await _s.Host.RestartAsync();
        At(3, 10);
        await SweepAsync();

        Assert.Single(Reminders(anna));
    }

    [Fact]
    public async Task Senders_running_at_the_same_time_never_send_a_reminder_twice()
    {
        // A second bot process cannot open the same SQLite file (it is locked while a bot runs), so the race is
        // staged between independent senders inside one process, each with its own scope and connection.
        await _s.AddServiceAsync("Экспресс", 15, 500m, intervalMinutes: 15);
        var clients = Enumerable.Range(0, 12).Select(i => _s.User(3000 + i, "Клиент" + i)).ToList();
        for (var i = 0; i < clients.Count; i++)
        {
            await BookingFlowTests.BookAsync(clients[i], "4 🟢", $"{10 + (i / 4):00}:{i % 4 * 15:00}", "Экспресс");
        }

        At(3, 13);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            await using var scope = _s.Host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NotificationSender>().SendDueAsync(CancellationToken.None);
        })).Append(SweepAsync()));

        Assert.All(clients, c => Assert.Single(Reminders(c)));
    }

    [Fact]
    public async Task A_client_who_blocked_the_bot_is_marked_and_gets_no_further_reminders()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        _s.Api.Fail("sendMessage", 403, "Forbidden: bot was blocked by the user", times: 1);

        At(3, 10);
        await SweepAsync();
        At(4, 9);
        await SweepAsync();

        Assert.Empty(Reminders(anna));
        var client = await _s.Host.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Clients, c => c.Id == 1001));
        Assert.True(client.IsBlocked);
    }

    [Fact]
    public async Task A_reminder_that_fails_to_send_is_retried_on_the_next_sweep()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        _s.Api.Fail("sendMessage", 400, "Bad Request: something odd", times: 1);

        At(3, 10);
        await SweepAsync();
        Assert.Empty(Reminders(anna));
        _s.Clock.Advance(TimeSpan.FromSeconds(30));
        await SweepAsync();
        Assert.Empty(Reminders(anna));
        _s.Clock.Advance(TimeSpan.FromSeconds(31));
        await SweepAsync();

        Assert.Single(Reminders(anna));
    }

    [Fact]
    public async Task I_will_come_is_recorded_once_and_the_admin_sees_who_confirmed()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        At(3, 10);
        await SweepAsync();

        await anna.PressAsync("✅ Приду");
        await anna.PressDataAsync(Reminders(anna)[0].MessageId, Reminders(anna)[0].Buttons.FirstOrDefault()?.CallbackData ?? "att:1");

        Assert.Contains("Спасибо, ждём вас", Reminders(anna)[0].Text, StringComparison.Ordinal);
        Assert.Empty(Reminders(anna)[0].Buttons);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(new DateTime(2026, 12, 3, 7, 0, 0, DateTimeKind.Utc), booking.AttendanceConfirmedUtc);
        Assert.Single(_s.Admin.Messages, m => m.Text.Contains("подтвердил визит", StringComparison.Ordinal));
        Assert.Equal(0, anna.UnansweredCallbacks);
    }

    [Fact]
    public async Task A_low_rating_with_a_comment_reaches_the_admins_and_is_shown_in_about()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        At(4, 13);
        await SweepAsync();

        await anna.PressAsync("2 ⭐");
        Assert.Contains("Ваша оценка: ⭐⭐", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Низкая оценка: ⭐⭐", StringComparison.Ordinal));
        await anna.SendTextAsync("Массажист опоздал <на 20 минут>");

        Assert.Contains("Спасибо за отзыв", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("«Массажист опоздал &lt;на 20 минут&gt;»", StringComparison.Ordinal));
        var review = await _s.Host.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Reviews));
        Assert.Equal(2, review.Rating);
        Assert.Equal("Массажист опоздал <на 20 минут>", review.Comment);

        await anna.SendTextAsync("ℹ️ О сервисе");
        Assert.Contains("Средняя оценка: 2,0 из 5", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.SendTextAsync("/start");
        Assert.Contains("Ваша средняя оценка: 2,0", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_visit_is_rated_once_only_by_its_owner_and_only_after_it()
    {
        var anna = _s.User(1001, "Анна");
        var mallory = _s.User(1003, "Mallory");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        var id = (await _s.BookingsAsync())[0].Id;
        await mallory.SendTextAsync("/help");

        await mallory.PressDataAsync(mallory.LastMessage.MessageId, $"rv:{id}:1");
        await anna.PressDataAsync(anna.LastMessage.MessageId, $"rv:{id}:5");
        Assert.Contains("после него", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);

        At(4, 13);
        await SweepAsync();
        var request = Reminders(anna).Single(m => m.Text.StartsWith("💬", StringComparison.Ordinal)).MessageId;
        await anna.PressAsync("5 ⭐");
        await anna.PressAsync("Без комментария");
        await anna.PressDataAsync(request, $"rv:{id}:1");

        var review = await _s.Host.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Reviews));
        Assert.Equal(5, review.Rating);
        Assert.Equal(1001, review.ClientId);
        Assert.Null(review.Comment);
        Assert.Contains("уже оценили", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain(_s.Admin.Messages, m => m.Text.Contains("Низкая оценка", StringComparison.Ordinal));
    }
}
