using Booking.Bot.Receiving;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>P3–P6: restarts, replays, double taps, races and failures lose nothing and double nothing.</summary>
public sealed class ReliabilityTests : IAsyncLifetime
{
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

    [Fact]
    public async Task A_restart_in_the_middle_of_the_wizard_loses_nothing()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        await anna.PressAsync("2 🟢");

        await _s.Host.RestartAsync();
        await anna.PressAsync("10:00");
        await anna.PressAsync("✅ Подтвердить");

        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Single(await _s.BookingsAsync());
    }

    [Fact]
    public async Task Cancel_after_a_restart_still_finds_the_open_wizard()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        var wizard = anna.LastMessage.MessageId;

        await _s.Host.RestartAsync();
        await anna.SendTextAsync("/cancel");

        var closed = anna.Messages.Single(m => m.MessageId == wizard);
        Assert.Contains("Запись отменена", closed.Text, StringComparison.Ordinal);
        Assert.Empty(closed.Buttons);
        Assert.Contains("действие отменено", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_double_tapped_confirm_books_once_and_answers_both_taps()
    {
        var anna = _s.User(1001, "Анна");
        await OpenConfirmAsync(anna, "2 🟢", "10:00");

        await anna.PressTwiceAsync("✅ Подтвердить", TimeSpan.FromMilliseconds(5));

        Assert.Single(await _s.BookingsAsync());
        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(0, anna.UnansweredCallbacks);
        Assert.Single(_s.Admin.Messages, m => m.Text.Contains("Новая запись", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Fifty_clients_confirming_the_same_slot_at_once_get_exactly_one_booking()
    {
        var users = Enumerable.Range(0, 50).Select(i => _s.User(2000 + i, "Клиент" + i)).ToList();
        foreach (var user in users)
        {
            await OpenConfirmAsync(user, "7 🟢", "15:00");
        }

        await Task.WhenAll(users.Select(u => u.PressAsync("✅ Подтвердить")));

        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc), booking.StartUtc);
        Assert.Equal(1, users.Count(u => u.LastMessage.Text.Contains("Вы записаны", StringComparison.Ordinal)));
        Assert.Equal(49, users.Count(u => u.LastMessage.Text.Contains("только что заняли", StringComparison.Ordinal)));
        Assert.All(users, u => Assert.Equal(0, u.UnansweredCallbacks));
    }

    [Fact]
    public async Task One_client_confirming_ten_slots_at_once_gets_exactly_three()
    {
        // The booking limit is what is under test here, not the rate limit that would otherwise stop the fourth tap.
        await _s.DisposeAsync();
        _s = await BotScenario.StartAsync(settings: new Dictionary<string, string?> { ["RATE_LIMIT_ACTIONS"] = "20" });
        var anna = _s.User(1001, "Анна");
        var cards = new List<(int MessageId, string Data)>();
        foreach (var (day, time) in new[] { "09:00", "10:00", "11:00", "12:00", "13:00", "14:00", "15:00", "16:00", "17:00" }
            .Select(t => ("9 🟢", t)).Append(("10 🟢", "09:00")))
        {
            await OpenConfirmAsync(anna, day, time);
            cards.Add((anna.LastMessage.MessageId, anna.LastMessage.Buttons.Single(b => b.Text == "✅ Подтвердить").CallbackData!));
        }

        // Older cards lost their buttons when a new wizard opened; a client replaying their data races anyway.
        await Task.WhenAll(cards.Select(c => anna.PressDataAsync(c.MessageId, c.Data)));

        Assert.Equal(3, (await _s.BookingsAsync()).Count(b => b.Status == BookingStatus.Confirmed));
        Assert.Equal(3, anna.Messages.Count(m => m.Text.Contains("Вы записаны", StringComparison.Ordinal)));
        Assert.Equal(0, anna.UnansweredCallbacks);
    }

    [Fact]
    public async Task Opening_the_wizard_again_takes_the_buttons_off_the_previous_one()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        var first = anna.LastMessage.MessageId;
        await anna.PressAsync("Массаж");

        await anna.SendTextAsync("📅 Записаться");

        Assert.Empty(anna.Messages.Single(m => m.MessageId == first).Buttons);
        Assert.NotEqual(first, anna.LastMessage.MessageId);
        Assert.Contains("Шаг 1 из 4", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_update_delivered_again_is_applied_once()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/start");
        var before = anna.Messages.Count;
        var pipeline = _s.Host.Services.GetRequiredService<UpdatePipeline>();
        var update = new Update
        {
            Id = 424242,
            Message = new Message
            {
                Id = 77,
                Date = BotScenario.DefaultNow.UtcDateTime,
                Chat = new Chat { Id = 1001, Type = ChatType.Private },
                From = new User { Id = 1001, FirstName = "Анна" },
                Text = "/help",
            },
        };

        for (var i = 0; i < 10; i++)
        {
            await pipeline.HandleAsync(update, CancellationToken.None);
        }

        Assert.Equal(before + 1, anna.Messages.Count);
        Assert.Contains("Вот что я умею", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_handler_is_answered_politely_and_the_bot_keeps_serving_others()
    {
        var anna = _s.User(1001, "Анна");
        var boris = _s.User(1002, "Борис");
        _s.Api.Fail("sendMessage", 500, "Internal Server Error", times: 1 + BotHost.TelegramRetries);

        await anna.SendTextAsync("/help");
        await boris.SendTextAsync("/help");

        Assert.Contains("Что-то пошло не так", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Contains("Вот что я умею", boris.LastMessage.Text, StringComparison.Ordinal);
        await anna.SendTextAsync("/help");
        Assert.Contains("Вот что я умею", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Messages_from_groups_are_ignored()
    {
        var id = _s.Api.Enqueue(new Update
        {
            Message = new Message
            {
                Id = 5,
                Date = BotScenario.DefaultNow.UtcDateTime,
                Chat = new Chat { Id = -100123, Type = ChatType.Supergroup, Title = "Чат" },
                From = new User { Id = 1001, FirstName = "Анна" },
                Text = "/start",
            },
        });
        await _s.Api.WaitProcessedAsync(id);

        Assert.DoesNotContain(_s.Api.Calls, c => c.Method == "sendMessage");
        Assert.Empty(await _s.Host.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.Clients)));
    }
}
