using Booking.Core.Domain;
using Booking.TestKit.Hosting;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>C1–C5 through the real host and the fake Bot API: what a client sees, step by step.</summary>
public sealed class BookingFlowTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Fact]
    public async Task A_new_client_books_through_one_message_edited_in_place()
    {
        var anna = _s.User(1001, "Анна");

        await anna.SendTextAsync("/start");
        Assert.Contains("Здравствуйте, Анна", anna.Messages[0].Text, StringComparison.Ordinal);
        Assert.Equal(["📅 Записаться", "📋 Мои записи", "ℹ️ О сервисе"], anna.ReplyKeyboard);
        var wizard = anna.LastMessage;
        Assert.Contains("Шаг 1 из 4", wizard.Text, StringComparison.Ordinal);
        Assert.Contains("Активных записей: 0 из 3", wizard.Text, StringComparison.Ordinal);

        await anna.PressAsync("Массаж");
        Assert.Contains("Шаг 2 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "Декабрь 2026");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "1 🟢");
        Assert.Equal(" ", anna.LastMessage.InlineKeyboard[2][0].Text); // the month starts on a Tuesday

        await anna.PressAsync("2 🟢");
        Assert.Contains("Шаг 3 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Свободно 9 из 9", anna.LastMessage.Text, StringComparison.Ordinal);

        await anna.PressAsync("10:00");
        Assert.Contains("Шаг 4 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("2 декабря (ср)", anna.LastMessage.Text, StringComparison.Ordinal);

        await anna.PressAsync("✅ Подтвердить");
        var done = anna.LastMessage;
        Assert.Contains("Вы записаны", done.Text, StringComparison.Ordinal);
        Assert.Contains("🕐 10:00 (60 мин)", done.Text, StringComparison.Ordinal);
        Assert.Empty(done.Buttons);

        Assert.Equal(wizard.MessageId, done.MessageId);
        Assert.Equal(3, anna.Messages.Count); // the greeting, the wizard, and the calendar file sent after it
        Assert.True(anna.Messages[2].IsDocument);
        Assert.Equal(0, anna.UnansweredCallbacks);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc), booking.StartUtc);
        Assert.Equal(1001, booking.ClientId);
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Contains(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal) && m.Text.Contains("Анна", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_returning_client_is_greeted_with_their_upcoming_bookings()
    {
        var anna = _s.User(1001, "Анна");
        await BookAsync(anna, "2 🟢", "10:00");

        await anna.SendTextAsync("/start");

        Assert.Contains("С возвращением, Анна", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Ближайших записей: 1", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deep_link_opens_the_calendar_of_that_service()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync($"/start svc_{_s.MassageId}");
        Assert.Contains("Шаг 2 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Массаж", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_with_one_free_slot_in_three_shows_yellow_and_a_full_day_red_and_untappable()
    {
        var longId = await _s.AddServiceAsync("Долгий", 180, 5000m);
        await _s.Host.DbAsync(async db =>
        {
            db.Blocks.Add(new Block(new DateTime(2026, 12, 3, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 3, 15, 0, 0, DateTimeKind.Utc), "отпуск", null, BotScenario.DefaultNow.UtcDateTime));
            db.Blocks.Add(new Block(new DateTime(2026, 12, 4, 6, 0, 0, DateTimeKind.Utc), new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc), null, null, BotScenario.DefaultNow.UtcDateTime));
            await db.SaveChangesAsync();
        });
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");

        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "3 🔴");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "4 🟡");
        await anna.PressAsync("3 🔴");
        Assert.Contains("Шаг 2 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("всё занято", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);

        // The 180-minute service fits on the 4th only from 15:00: exactly one start, so the day is 🟡 for it too.
        await anna.PressAsync("◀️ К услугам");
        await anna.PressAsync("Долгий");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "4 🟡");
        _ = longId;
    }

    [Fact]
    public async Task Month_navigation_reaches_three_months_ahead_and_no_further()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        Assert.DoesNotContain(anna.LastMessage.Buttons, b => b.Text == "◀️");

        foreach (var month in new[] { "Январь 2027", "Февраль 2027", "Март 2027" })
        {
            await anna.PressAsync("▶️");
            Assert.Contains(anna.LastMessage.Buttons, b => b.Text == month);
        }

        Assert.DoesNotContain(anna.LastMessage.Buttons, b => b.Text == "▶️");
        await anna.PressAsync("◀️");
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "Февраль 2027");
    }

    [Fact]
    public async Task Closing_the_wizard_leaves_a_polite_message_and_no_buttons()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        await anna.PressAsync("❌ Отмена");

        Assert.Contains("Запись отменена", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(anna.LastMessage.Buttons);
        Assert.Empty(await _s.BookingsAsync());
    }

    [Fact]
    public async Task About_lists_services_rules_and_address()
    {
        await _s.UpdateSettingsAsync(s => s.Address = "ул. Ленина, 1");
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("ℹ️ О сервисе");

        var text = anna.LastMessage.Text;
        Assert.Contains("<b>Массаж</b> — 60 мин, 2\u202F500 ₽", text, StringComparison.Ordinal);
        Assert.Contains("📍 ул. Ленина, 1", text, StringComparison.Ordinal);
        Assert.Contains("не позднее чем за 24 ч", text, StringComparison.Ordinal);
        Assert.Contains("до 3 активных записей", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Консультация", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_client_can_switch_to_english_and_the_menu_follows()
    {
        var anna = _s.User(1001, "Anna");
        await anna.SendTextAsync("/language");
        await anna.PressAsync("🇬🇧 English");

        Assert.Equal(["📅 Book", "📋 My bookings", "ℹ️ About"], anna.ReplyKeyboard);
        await anna.SendTextAsync("📅 Book");
        Assert.Contains("Step 1 of 4", anna.LastMessage.Text, StringComparison.Ordinal);
        var stored = await _s.Host.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Clients, c => c.Id == 1001));
        Assert.Equal("en", stored.Language);
    }

    [Fact]
    public async Task An_english_telegram_user_is_answered_in_english_from_the_start()
    {
        var john = _s.User(1002, "John", languageCode: "en-GB");
        await john.SendTextAsync("/start");
        Assert.Contains("Hello, John", john.Messages[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_are_registered_in_both_languages()
    {
        await Task.Yield();
        Assert.Contains(_s.Api.CommandSets, set => set.LanguageCode == "ru" && set.Commands.Any(c => c.Command == "book" && c.Description == "Записаться"));
        Assert.Contains(_s.Api.CommandSets, set => set.LanguageCode == "en" && set.Commands.Any(c => c.Command == "book" && c.Description == "Book an appointment"));
        Assert.Contains(_s.Api.CommandSets, set => set.LanguageCode is null && set.Commands.Count == 8);
    }

    internal static async Task BookAsync(Booking.TestKit.Telegram.FakeUser user, string day, string time, string service = "Массаж")
    {
        await user.SendTextAsync("/book");
        await user.PressAsync(service);
        await user.PressAsync(day);
        await user.PressAsync(time);
        await user.PressAsync("✅ Подтвердить");
        Assert.Contains("Вы записаны", user.LastMessage.Text, StringComparison.Ordinal);
    }
}
