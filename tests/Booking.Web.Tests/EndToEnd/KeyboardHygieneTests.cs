using Booking.Bot.Notifications;
using Booking.TestKit.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>P8: buttons older than 48 hours are taken off, and a tap on one that slipped through is answered.</summary>
public sealed class KeyboardHygieneTests : IAsyncLifetime
{
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private Task<int> SweepAsync() => _s.Host.Services.GetRequiredService<KeyboardHygiene>().SweepAsync(CancellationToken.None);

    [Fact]
    public async Task Keyboards_older_than_48_hours_are_removed_and_younger_ones_stay()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/my");
        var old = anna.LastMessage.MessageId;
        _s.Clock.Advance(TimeSpan.FromHours(30));
        await anna.SendTextAsync("/book");
        var young = anna.LastMessage.MessageId;

        _s.Clock.Advance(TimeSpan.FromHours(18) + TimeSpan.FromMinutes(1));
        await SweepAsync();

        Assert.Empty(anna.Messages.Single(m => m.MessageId == old).Buttons);
        Assert.NotEmpty(anna.Messages.Single(m => m.MessageId == young).Buttons);
        Assert.Equal(1, await _s.Host.DbAsync(db => db.LiveKeyboards.CountAsync()));
    }

    [Fact]
    public async Task A_tap_on_a_button_older_than_48_hours_says_it_expired_and_changes_nothing()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        await anna.PressAsync("4 🟢");
        await anna.PressAsync("10:00");
        var card = anna.LastMessage;
        var confirm = card.Buttons.Single(b => b.Text == "✅ Подтвердить").CallbackData!;
        _s.Clock.Advance(TimeSpan.FromHours(49));
        await SweepAsync();
        Assert.Empty(anna.Messages.Single(m => m.MessageId == card.MessageId).Buttons);

        // A client whose app still shows the old keyboard taps it anyway.
        await anna.PressDataAsync(card.MessageId, confirm);

        Assert.Contains("устарела", anna.CallbackAnswers[^1].Text, StringComparison.Ordinal);
        Assert.Equal(["📅 Записаться", "📋 Мои записи", "ℹ️ О сервисе"], anna.ReplyKeyboard);
        Assert.Empty(await _s.BookingsAsync());
    }
}
