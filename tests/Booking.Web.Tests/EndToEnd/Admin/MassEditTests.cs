using Booking.Core.Domain;
using Booking.TestKit.Hosting;

namespace Booking.Web.Tests.EndToEnd.Admin;

/// <summary>A8 through the bot: a day's bookings shifted or cancelled at once, clients told, conflicts refused whole.</summary>
public sealed class MassEditTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private async Task OpenDayAsync()
    {
        await _s.Admin.SendTextAsync("/admin");
        await _s.Admin.PressAsync("🗂 Массовое редактирование");
        await _s.Admin.PressAsync("3 декабря (чт)");
    }

    [Fact]
    public async Task Shifting_a_day_moves_every_booking_and_tells_each_client()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");
        await BookingFlowTests.BookAsync(boris, "3 🟢", "12:00");

        await OpenDayAsync();
        Assert.Contains("предстоящих записей: 2", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        await _s.Admin.PressAsync("+30′");
        Assert.Contains("Сдвинуть 2 зап.", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        await _s.Admin.PressAsync("✅ Применить");

        Assert.Contains("изменено записей: 2", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(
            [new DateTime(2026, 12, 3, 7, 30, 0, DateTimeKind.Utc), new DateTime(2026, 12, 3, 9, 30, 0, DateTimeKind.Utc)],
            (await _s.BookingsAsync()).Select(b => b.StartUtc));
        Assert.Contains(anna.Messages, m => m.Text.Contains("Теперь: <b>3 декабря (чт), 10:30</b>", StringComparison.Ordinal));
        Assert.Contains(boris.Messages, m => m.Text.Contains("Теперь: <b>3 декабря (чт), 12:30</b>", StringComparison.Ordinal));

        // Each calendar gets the same event again at the new time: one file from the booking, one from the shift.
        Assert.Equal(2, anna.Documents.Count);
        var moved = System.Text.Encoding.UTF8.GetString(anna.Documents[1].Content);
        Assert.Contains("DTSTART;TZID=Europe/Moscow:20261203T103000", moved, StringComparison.Ordinal);
        Assert.Equal(2, boris.Documents.Count);
    }

    [Fact]
    public async Task Changing_the_service_of_a_days_bookings_tells_each_client_and_updates_their_calendar_event()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");
        var express = await _s.AddServiceAsync("Экспресс-массаж", 30, 1500m);

        await OpenDayAsync();
        await _s.Admin.PressAsync("💆 Сменить услугу");
        await _s.Admin.PressAsync("Экспресс-массаж");
        await _s.Admin.PressAsync("Все записи дня");

        Assert.Contains("изменено записей: 1", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal((express, 30), (booking.ServiceId, booking.DurationMinutes));
        Assert.Contains(anna.Messages, m => m.Text.Contains("В вашей записи изменена услуга", StringComparison.Ordinal)
            && m.Text.Contains("Экспресс-массаж", StringComparison.Ordinal));
        Assert.Equal(2, anna.Documents.Count);
        var changed = System.Text.Encoding.UTF8.GetString(anna.Documents[1].Content);
        Assert.Contains("Экспресс-массаж", changed, StringComparison.Ordinal);
        Assert.Contains("DTEND;TZID=Europe/Moscow:20261203T103000", changed, StringComparison.Ordinal);
        Assert.Equal(0, _s.Admin.UnansweredCallbacks);
    }

    [Fact]
    public async Task A_shift_that_breaks_one_booking_changes_none_and_says_why()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");
        await BookingFlowTests.BookAsync(boris, "3 🟢", "17:00");

        await OpenDayAsync();
        await _s.Admin.PressAsync("+30′");
        await _s.Admin.PressAsync("✅ Применить");

        Assert.Contains("Ничего не изменено", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("17:00: выходит за рабочие часы", _s.Admin.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(
            [new DateTime(2026, 12, 3, 7, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 3, 14, 0, 0, DateTimeKind.Utc)],
            (await _s.BookingsAsync()).Select(b => b.StartUtc));
        Assert.DoesNotContain(anna.Messages, m => m.Text.Contains("перенёс", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cancelling_a_day_cancels_each_booking_and_apologises_to_each_client()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "3 🟢", "10:00");

        await OpenDayAsync();
        await _s.Admin.PressAsync("❌ Отменить все");
        await _s.Admin.PressAsync("✅ Применить");

        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(BookingStatus.Cancelled, booking.Status);
        Assert.Contains(booking.History, h => h.Change == BookingChange.Cancelled && h.Actor == Actor.Admin);
        Assert.Contains("отменена администратором", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(["📅 Выбрать другое время"], anna.LastMessage.Buttons.Select(b => b.Text));
    }
}
