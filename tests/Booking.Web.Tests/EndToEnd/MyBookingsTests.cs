using Booking.Core.Domain;
using Booking.TestKit.Hosting;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>C6/C7: the list, cancel with confirmation, reschedule, and the 24-hour rule enforced when it runs.</summary>
public sealed class MyBookingsTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task The_list_shows_date_weekday_time_relative_day_duration_and_price()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(anna, "8 🟢", "15:00");

        await anna.SendTextAsync("📋 Мои записи");

        var text = anna.LastMessage.Text;
        Assert.Contains("1. Массаж", text, StringComparison.Ordinal);
        Assert.Contains("2 декабря (ср), 10:00 — завтра", text, StringComparison.Ordinal);
        Assert.Contains("8 декабря (вт), 15:00 — через 7 дн.", text, StringComparison.Ordinal);
        Assert.Contains("⏱ 60 мин · 💰 2\u202F500 ₽", text, StringComparison.Ordinal);
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "❌ Отменить #2");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "🔄 Перенести #1");
    }

    [Fact]
    public async Task Cancelling_asks_first_then_keeps_history_and_tells_the_admin()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");
        await anna.SendTextAsync("/my");

        await anna.PressAsync("❌ Отменить #1");
        Assert.Contains("Отменить запись?", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, (await _s.BookingsAsync())[0].Status);

        await anna.PressAsync("✅ Да, отменить");

        Assert.Contains("Запись отменена", anna.LastMessage.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Contains(booking.History, h => h.Change == BookingChange.Cancelled && h.Actor == Actor.Client);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Отмена записи", StringComparison.Ordinal));

        await anna.SendTextAsync("/my");
        Assert.Contains("нет предстоящих записей", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.PressAsync("🕘 Прошедшие");
        Assert.Contains("❌ 3 декабря (чт), 10:00 — Массаж", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeping_the_booking_goes_back_to_the_list_unchanged()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");
        await anna.SendTextAsync("/my");
        await anna.PressAsync("❌ Отменить #1");
        await anna.PressAsync("◀️ Нет, оставить");

        Assert.Contains("Ваши записи", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, (await _s.BookingsAsync())[0].Status);
    }

    [Fact]
    public async Task Cancelling_inside_24_hours_is_refused_even_from_a_confirmation_drawn_earlier()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        await anna.SendTextAsync("/my");
        await anna.PressAsync("❌ Отменить #1");
        _s.Clock.Advance(TimeSpan.FromHours(1.5));

        await anna.PressAsync("✅ Да, отменить");

        var answer = anna.CallbackAnswers[^1];
        Assert.True(answer.ShowAlert);
        Assert.Contains("меньше 24 ч", answer.Text, StringComparison.Ordinal);
        Assert.Equal(BookingStatus.Confirmed, (await _s.BookingsAsync())[0].Status);
        Assert.DoesNotContain(_s.Admin.Messages, m => m.Text.Contains("Отмена записи", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Rescheduling_onto_part_of_its_own_interval_works_and_tells_the_admin()
    {
        await _s.AddServiceAsync("Долгий массаж", 90, 4000m, intervalMinutes: 30);
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00", "Долгий массаж");
        await anna.SendTextAsync("/my");

        await anna.PressAsync("🔄 Перенести #1");
        Assert.Contains("Перенос записи", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.PressAsync("4 🟢");
        await anna.PressAsync("10:30");
        Assert.Contains("Перенести запись?", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.PressAsync("✅ Перенести");

        Assert.Contains("Запись перенесена", anna.LastMessage.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(new DateTime(2026, 12, 4, 7, 30, 0, DateTimeKind.Utc), booking.StartUtc);
        Assert.Equal(90, booking.DurationMinutes);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Перенос записи", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Picking_the_same_time_when_rescheduling_is_gently_refused()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        await anna.SendTextAsync("/my");
        await anna.PressAsync("🔄 Перенести #1");
        await anna.PressAsync("4 🟢");
        await anna.PressAsync("10:00");

        Assert.Contains("то же самое время", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.Single((await _s.BookingsAsync())[0].History);
    }

    [Fact]
    public async Task Rescheduling_inside_24_hours_is_refused_when_started_and_when_confirmed()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "12:00");
        await anna.SendTextAsync("/my");
        await anna.PressAsync("🔄 Перенести #1");
        await anna.PressAsync("3 🟢");
        await anna.PressAsync("12:00");
        _s.Clock.Advance(TimeSpan.FromHours(4));

        await anna.PressAsync("✅ Перенести");
        Assert.Contains("перенести запись через бота уже нельзя", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);

        await anna.SendTextAsync("/my");
        await anna.PressAsync("🔄 Перенести #1");
        Assert.Contains("перенести запись через бота уже нельзя", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.Equal(new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), (await _s.BookingsAsync())[0].StartUtc);
    }
}
