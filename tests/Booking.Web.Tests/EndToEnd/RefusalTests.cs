using System.Globalization;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>Every way a booking can be refused: each with its own clear message, fresh choices, and no booking.</summary>
public sealed class RefusalTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static async Task OpenConfirmAsync(Booking.TestKit.Telegram.FakeUser user, string day, string time)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync(day);
        await user.PressAsync(time);
    }

    [Fact]
    public async Task The_fourth_active_booking_is_refused_and_the_first_three_stand()
    {
        var anna = _s.User(1001, "Анна");
        foreach (var time in new[] { "10:00", "11:00", "12:00" })
        {
            await BookingFlowTests.BookAsync(anna, "2 🟢", time);
        }

        await anna.SendTextAsync("📅 Записаться");

        Assert.Contains("Активных записей у вас уже 3", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "📋 Мои записи");
        Assert.Equal(3, (await _s.BookingsAsync()).Count);
    }

    [Fact]
    public async Task The_limit_is_checked_again_at_confirm_time()
    {
        var anna = _s.User(1001, "Анна");
        await OpenConfirmAsync(anna, "3 🟢", "10:00");
        var pending = anna.LastMessage.MessageId;
        var confirm = anna.LastMessage.Buttons.Single(b => b.Text == "✅ Подтвердить").CallbackData!;
        foreach (var time in new[] { "10:00", "11:00", "12:00" })
        {
            await BookingFlowTests.BookAsync(anna, "2 🟢", time);
        }

        _s.Clock.Advance(TimeSpan.FromSeconds(10)); // three bookings take a person longer than the rate-limit window
        await anna.PressDataAsync(pending, confirm);

        Assert.Contains("Активных записей у вас уже 3", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.True(anna.CallbackAnswers[^1].ShowAlert);
        Assert.Equal(3, (await _s.BookingsAsync()).Count);
    }

    [Fact]
    public async Task A_slot_taken_while_the_client_hesitated_is_refused_with_fresh_slots()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await OpenConfirmAsync(anna, "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(boris, "2 🟢", "10:00");

        await anna.PressAsync("✅ Подтвердить");

        var screen = anna.LastMessage;
        Assert.Contains("только что заняли", screen.Text, StringComparison.Ordinal);
        Assert.Contains("Шаг 3 из 4", screen.Text, StringComparison.Ordinal);
        Assert.Contains(screen.Buttons, b => b.Text == "❌ 10:00");
        Assert.Contains(screen.Buttons, b => b.Text == "11:00");
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(1002, booking.ClientId);
    }

    [Fact]
    public async Task A_slot_that_slipped_inside_the_minimum_notice_is_refused()
    {
        var anna = _s.User(1001, "Анна");
        await OpenConfirmAsync(anna, "1 🟢", "10:00");
        _s.Clock.Advance(TimeSpan.FromMinutes(30));

        await anna.PressAsync("✅ Подтвердить");

        Assert.Contains("записаться уже нельзя", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(anna.LastMessage.Buttons, b => b.Text == "10:00");
        Assert.Empty(await _s.BookingsAsync());
    }

    [Theory]
    [InlineData("ok:s{0}:202612020715", "недоступно")]
    [InlineData("ok:s{0}:202612020300", "недоступно")]
    [InlineData("ok:s{0}:202611300700", "записаться уже нельзя")]
    [InlineData("ok:s{0}:202706010700", "не открыта")]
    public async Task Forged_confirms_are_refused_by_the_server(string data, string expected)
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        var messageId = anna.LastMessage.MessageId;

        await anna.PressDataAsync(messageId, string.Format(CultureInfo.InvariantCulture, data, _s.MassageId));

        Assert.Contains(expected, anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(await _s.BookingsAsync());
        Assert.Equal(0, anna.UnansweredCallbacks);
    }

    [Fact]
    public async Task A_confirm_for_an_unknown_or_switched_off_service_shows_the_services_again()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressDataAsync(anna.LastMessage.MessageId, "ok:s9999:202612020700");

        Assert.Contains("услуга сейчас недоступна", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Шаг 1 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Empty(await _s.BookingsAsync());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("select_service:1")]
    [InlineData("cxy:1:2")]
    [InlineData("svc:💥")]
    public async Task Unknown_button_data_gets_a_polite_expiry_notice_and_the_menu(string data)
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/help");

        await anna.PressDataAsync(anna.LastMessage.MessageId, data);

        Assert.Contains("устарела", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.Contains("устарела", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(["📅 Записаться", "📋 Мои записи", "ℹ️ О сервисе"], anna.ReplyKeyboard);
    }

    [Fact]
    public async Task Someone_elses_booking_cannot_be_cancelled_by_forging_its_id()
    {
        var anna = _s.User(1001, "Анна");
        var mallory = _s.User(1003, "Mallory");
        await BookingFlowTests.BookAsync(anna, "5 🟢", "10:00");
        var id = (await _s.BookingsAsync())[0].Id;
        await mallory.SendTextAsync("/my");

        await mallory.PressDataAsync(mallory.LastMessage.MessageId, $"cxy:{id}");
        await mallory.PressDataAsync(mallory.LastMessage.MessageId, $"ok:b{id}:202612050800");

        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(new DateTime(2026, 12, 5, 7, 0, 0, DateTimeKind.Utc), booking.StartUtc);
        Assert.Contains("уже не активна", mallory.CallbackAnswers[^1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Huge_texts_stickers_and_unknown_commands_get_a_polite_hint()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync(new string('я', 5000));
        Assert.Contains("Не понял вас", anna.LastMessage.Text, StringComparison.Ordinal);
        await anna.SendTextAsync("/admin");
        Assert.Contains("Не понял вас", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("админ", anna.LastMessage.Text, StringComparison.OrdinalIgnoreCase);
    }
}
