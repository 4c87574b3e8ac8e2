using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>P7: at most 3 booking actions (confirm, confirm cancel, confirm move) per user per 10 s, on the fake clock.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private const string TooFast = "⏳ Не так быстро 🙂 Подождите 10 с и нажмите ещё раз.";

    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static async Task OpenConfirmAsync(FakeUser user, string day, string time)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync(day);
        await user.PressAsync(time);
    }

    /// <summary>Three booking actions at the same instant: two bookings and a cancellation.</summary>
    private static async Task UseThreeActionsAsync(FakeUser user)
    {
        await BookingFlowTests.BookAsync(user, "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(user, "2 🟢", "11:00");
        await user.SendTextAsync("/my");
        await user.PressAsync("❌ Отменить #1");
        await user.PressAsync("✅ Да, отменить");
        Assert.Contains("Запись отменена", user.LastMessage.Text, StringComparison.Ordinal);
    }

    private async Task<bool> BookedAtAsync(int hourUtc) =>
        (await _s.BookingsAsync()).Any(b => b.Status == BookingStatus.Confirmed && b.StartUtc == new DateTime(2026, 12, 2, hourUtc, 0, 0, DateTimeKind.Utc));

    [Fact]
    public async Task The_fourth_confirm_within_ten_seconds_gets_a_polite_answer_books_nothing_and_works_once_the_window_passes()
    {
        var anna = _s.User(1001, "Анна");
        await UseThreeActionsAsync(anna);
        await OpenConfirmAsync(anna, "2 🟢", "12:00");
        var card = anna.LastMessage;

        await anna.PressAsync("✅ Подтвердить");

        var answer = anna.CallbackAnswers[^1];
        Assert.Equal(TooFast, answer.Text);
        Assert.False(answer.ShowAlert);
        Assert.False(await BookedAtAsync(9));
        Assert.Equal(card.Text, anna.LastMessage.Text);                            // the card is still there,
        Assert.Contains(anna.LastMessage.Buttons, b => b.Text == "✅ Подтвердить"); // ready for the same tap

        _s.Clock.Advance(TimeSpan.FromSeconds(10));
        await anna.PressAsync("✅ Подтвердить");

        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.True(await BookedAtAsync(9));
    }

    [Fact]
    public async Task A_limited_cancellation_keeps_the_booking_and_the_question()
    {
        var anna = _s.User(1001, "Анна");
        await UseThreeActionsAsync(anna);
        await anna.SendTextAsync("/my");
        await anna.PressAsync("❌ Отменить #1");

        await anna.PressAsync("✅ Да, отменить");

        Assert.Equal(TooFast, anna.CallbackAnswers[^1].Text);
        Assert.True(await BookedAtAsync(8));
        Assert.Contains("Отменить запись?", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_clients_limit_does_not_slow_down_anyone_else()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        await UseThreeActionsAsync(anna);

        await BookingFlowTests.BookAsync(boris, "2 🟢", "13:00");

        Assert.True(await BookedAtAsync(10));
    }

    [Fact]
    public async Task Browsing_the_wizard_is_never_limited()
    {
        var anna = _s.User(1001, "Анна");
        await UseThreeActionsAsync(anna);

        await OpenConfirmAsync(anna, "3 🟢", "14:00");
        await anna.PressAsync("◀️ Другое время");
        await anna.PressAsync("15:00");

        Assert.Contains("Шаг 4 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(anna.CallbackAnswers, a => a.Text == TooFast);
    }

    [Fact]
    public async Task The_limit_is_configurable()
    {
        await _s.DisposeAsync();
        _s = await BotScenario.StartAsync(settings: new Dictionary<string, string?> { ["RATE_LIMIT_ACTIONS"] = "1", ["RATE_LIMIT_WINDOW_SECONDS"] = "60" });
        var anna = _s.User(1001, "Анна");
        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        await OpenConfirmAsync(anna, "2 🟢", "11:00");

        _s.Clock.Advance(TimeSpan.FromSeconds(59));
        await anna.PressAsync("✅ Подтвердить");
        Assert.Equal("⏳ Не так быстро 🙂 Подождите 1 с и нажмите ещё раз.", anna.CallbackAnswers[^1].Text);

        _s.Clock.Advance(TimeSpan.FromSeconds(1));
        await anna.PressAsync("✅ Подтвердить");
        Assert.True(await BookedAtAsync(8));
    }
}
