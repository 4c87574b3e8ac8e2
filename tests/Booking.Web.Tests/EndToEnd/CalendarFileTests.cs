using System.Text;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>X2: the ".ics" file a client gets after booking and after moving, read back from the bytes the bot uploaded.</summary>
public sealed class CalendarFileTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync()
    {
        _s = await BotScenario.StartAsync();
        await _s.UpdateSettingsAsync(s => s.Address = "Тверская, 1 & двор");
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static (Ical.Net.CalendarComponents.CalendarEvent Event, string Text) Read(SentDocument file)
    {
        var text = Encoding.UTF8.GetString(file.Content);
        return (Assert.Single(Ical.Net.Calendar.Load(text)!.Events), text);
    }

    [Fact]
    public async Task A_booked_client_gets_one_silent_ics_file_after_the_confirmation_describing_the_visit()
    {
        var anna = _s.User(1001, "Анна");

        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");

        var file = Assert.Single(anna.Documents);
        Assert.Equal("booking-2026-12-02-1000.ics", file.FileName);
        Assert.Equal("📅 Добавьте визит в свой календарь", file.Caption);
        var (e, text) = Read(file);
        Assert.Equal(new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.Equal(new DateTime(2026, 12, 2, 8, 0, 0, DateTimeKind.Utc), e.DtEnd!.AsUtc);
        Assert.Contains("DTSTART;TZID=Europe/Moscow:20261202T100000", text, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VTIMEZONE", text, StringComparison.Ordinal);
        Assert.Equal("Массаж", e.Summary);
        Assert.Equal("Тверская, 1 & двор", e.Location);
        Assert.StartsWith("Массаж · 60 мин · 2", e.Description, StringComparison.Ordinal);
        Assert.Contains("500 ₽\nПеренести или отменить запись можно в боте", e.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("&amp;", text, StringComparison.Ordinal);
        Assert.Equal(0, e.Sequence);
        Assert.Equal(TimeSpan.FromHours(-1), Assert.Single(e.Alarms).Trigger!.Duration!.Value.ToTimeSpanUnspecified());

        // The confirmation is the wizard's own message, edited first; the file comes after it, without a sound.
        var messages = anna.Messages;
        Assert.Contains("Вы записаны", messages[^2].Text, StringComparison.Ordinal);
        Assert.True(messages[^1].IsDocument);
        var upload = Assert.Single(_s.Api.Calls, c => c.Method == "sendDocument");
        Assert.Contains("\"disable_notification\":\"true\"", upload.Body, StringComparison.OrdinalIgnoreCase);
        var edit = _s.Api.Calls.Last(c => c.Method == "editMessageText");
        Assert.True(edit.Received < upload.Received);
    }

    [Fact]
    public async Task Rescheduling_sends_the_same_event_again_with_a_higher_sequence_and_the_new_time()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        await anna.SendTextAsync("/my");

        await anna.PressAsync("🔄 Перенести #1");
        await anna.PressAsync("5 🟢");
        await anna.PressAsync("12:00");
        await anna.PressAsync("✅ Перенести");

        Assert.Contains("Запись перенесена", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(2, anna.Documents.Count);
        var (first, _) = Read(anna.Documents[0]);
        var (moved, text) = Read(anna.Documents[1]);
        Assert.Equal(first.Uid, moved.Uid);
        Assert.True(moved.Sequence > first.Sequence);
        Assert.Equal(new DateTime(2026, 12, 5, 9, 0, 0, DateTimeKind.Utc), moved.DtStart!.AsUtc);
        Assert.Contains("DTSTART;TZID=Europe/Moscow:20261205T120000", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_moving_the_booking_sends_the_client_the_same_event_at_the_new_time()
    {
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "4 🟢", "10:00");
        var owner = _s.Admin;
        await owner.SendTextAsync("/admin");
        await owner.PressAsync("🗓 Расписание");
        await owner.PressAsync("▶️");
        await owner.PressAsync("▶️");
        await owner.PressAsync("▶️");
        await owner.PressAsync("10:00 Анна");
        await owner.PressAsync("🔄 Перенести");
        await owner.PressAsync("4 🟢");
        await owner.PressAsync("15:00");
        await owner.PressAsync("✅ Перенести");

        Assert.Contains("Администратор перенёс вашу запись", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(2, anna.Documents.Count);
        var (first, _) = Read(anna.Documents[0]);
        var (moved, text) = Read(anna.Documents[1]);
        Assert.Equal(first.Uid, moved.Uid);
        Assert.True(moved.Sequence > first.Sequence);
        Assert.Equal(new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc), moved.DtStart!.AsUtc);
        Assert.Contains("DTSTART;TZID=Europe/Moscow:20261204T150000", text, StringComparison.Ordinal);
        Assert.Empty(owner.Documents);
    }

    [Fact]
    public async Task A_failing_upload_changes_nothing_for_the_booking_or_its_confirmation()
    {
        var anna = _s.User(1001, "Анна");
        _s.Api.Fail("sendDocument", 502, "Bad Gateway", times: 10);

        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");

        Assert.Empty(anna.Documents);
        Assert.Single(await _s.BookingsAsync());
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
        Assert.Equal(0, anna.UnansweredCallbacks);

        // The bot carries on as usual for the next tap.
        await anna.SendTextAsync("/my");
        Assert.Contains("2 декабря", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_speaking_client_gets_the_caption_and_description_in_english()
    {
        var john = _s.Api.User(1002, "John", null, "en");
        await john.SendTextAsync("/book");
        await john.PressAsync("Массаж");
        await john.PressAsync("2 🟢");
        await john.PressAsync("10:00");
        await john.PressAsync("✅ Confirm");

        var file = Assert.Single(john.Documents);
        Assert.Equal("📅 Add it to your calendar", file.Caption);
        Assert.Contains("To move or cancel it", Read(file).Event.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_tapped_confirm_books_once_and_sends_one_file()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        await anna.PressAsync("2 🟢");
        await anna.PressAsync("10:00");

        await anna.PressTwiceAsync("✅ Подтвердить", TimeSpan.Zero);

        Assert.Single(await _s.BookingsAsync());
        Assert.Single(anna.Documents);
    }
}
