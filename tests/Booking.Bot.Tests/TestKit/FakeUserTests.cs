using Booking.TestKit.Telegram;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Tests.TestKit;

/// <summary>The user-side helpers, with a bot polling through Telegram.Bot's own receiver.</summary>
public sealed class FakeUserTests
{
    [Fact]
    public async Task PressAsync_sends_the_callback_data_of_the_newest_message_with_that_button()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = BotLoop.Start(api.Token, api.BaseUrl);
        var anna = api.User(42);
        var older = await bot.Client.SendMessage(42, "Old", replyMarkup: Buttons(("Yes", "old:yes")));
        var newer = await bot.Client.SendMessage(42, "New", replyMarkup: Buttons(("Yes", "new:yes"), ("Mon 12:00", "slot:12")));
        await bot.Client.SendMessage(42, "No buttons here");

        await anna.PressAsync("Yes");
        await anna.PressAsync("Mon 12"); // a unique partial match is enough
        await anna.PressAsync(older.Id, "Yes");

        var queries = bot.Received.Select(u => u.CallbackQuery!).ToList();
        Assert.Equal(["new:yes", "slot:12", "old:yes"], queries.Select(q => q.Data));
        Assert.Equal([newer.Id, newer.Id, older.Id], queries.Select(q => q.Message!.Id));
        Assert.Equal("New", queries[0].Message!.Text);
        Assert.All(queries, q => Assert.Equal(42, q.From.Id));
        Assert.Equal(3, anna.UnansweredCallbacks);
    }

    [Fact]
    public async Task PressAsync_on_a_missing_label_throws_listing_the_visible_buttons()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = new TelegramBotClient(new TelegramBotClientOptions(api.Token, api.BaseUrl));
        var anna = api.User(42);
        await client.SendMessage(42, "Pick a day", replyMarkup: Buttons(("Monday", "d:1"), ("Tuesday", "d:2")));

        var missing = await Assert.ThrowsAsync<InvalidOperationException>(() => anna.PressAsync("Friday"));
        var ambiguous = await Assert.ThrowsAsync<InvalidOperationException>(() => anna.PressAsync("day"));

        Assert.Contains("'Friday'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("'Monday' | 'Tuesday'", missing.Message, StringComparison.Ordinal);
        Assert.Contains("ambiguous", ambiguous.Message, StringComparison.Ordinal);
        Assert.Equal(1, api.Enqueue(new Update())); // the failed presses enqueued nothing
    }

    [Fact]
    public async Task Callback_answers_are_recorded_and_a_second_answer_is_rejected()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = BotLoop.Start(api.Token, api.BaseUrl, async (client, update, ct) =>
        {
            if (update.CallbackQuery is { } query)
            {
                await client.AnswerCallbackQuery(query.Id, "Booked", showAlert: true, cancellationToken: ct);
            }
        });
        var anna = api.User(42);
        await bot.Client.SendMessage(42, "Confirm?", replyMarkup: Buttons(("OK", "ok")));

        await anna.PressAsync("OK");

        var answer = Assert.Single(anna.CallbackAnswers);
        Assert.Equal(new CallbackAnswer(answer.QueryId, "Booked", true), answer);
        Assert.Equal(0, anna.UnansweredCallbacks);
        var again = await Assert.ThrowsAsync<ApiRequestException>(() => bot.Client.AnswerCallbackQuery(answer.QueryId));
        Assert.Equal("Bad Request: query is too old and response timeout expired or query ID is invalid", again.Message);
    }

    [Fact]
    public async Task Text_and_contact_arrive_as_private_messages_with_command_entity()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = BotLoop.Start(api.Token, api.BaseUrl);
        var boris = api.User(7, "Boris", "boris", "en");

        await boris.SendTextAsync("/start deep-link");
        await boris.SendContactAsync("+79001234567");

        var messages = bot.Received.Select(u => u.Message!).ToList();
        var entity = Assert.Single(messages[0].Entities!);
        Assert.Equal((MessageEntityType.BotCommand, 0, 6), (entity.Type, entity.Offset, entity.Length));
        Assert.Equal("/start deep-link", messages[0].Text);
        Assert.Equal((7L, ChatType.Private, "Boris"), (messages[0].Chat.Id, messages[0].Chat.Type, messages[0].From!.FirstName));
        Assert.Equal("en", messages[0].From!.LanguageCode);
        Assert.Equal(("+79001234567", 7L), (messages[1].Contact!.PhoneNumber, messages[1].Contact!.UserId));
        Assert.Same(boris, api.User(7));
    }

    [Fact]
    public async Task Reply_keyboard_labels_are_tracked_until_removed()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = new TelegramBotClient(new TelegramBotClientOptions(api.Token, api.BaseUrl));
        var anna = api.User(42);
        var keyboard = new ReplyKeyboardMarkup([[KeyboardButton.WithRequestContact("Share phone")], [new KeyboardButton("Help"), new KeyboardButton("Cancel")]])
        {
            ResizeKeyboard = true,
            IsPersistent = true,
        };

        await client.SendMessage(42, "Menu", replyMarkup: keyboard);
        await client.SendMessage(42, "Pick", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("A", "a")));
        var whileShown = anna.ReplyKeyboard;
        await client.SendMessage(42, "Done", replyMarkup: new ReplyKeyboardRemove());

        Assert.Equal(["Share phone", "Help", "Cancel"], whileShown);
        Assert.Empty(anna.ReplyKeyboard);
        Assert.Empty(anna.LastMessage.Buttons);
    }

    [Fact]
    public async Task PressTwiceAsync_sends_two_queries_with_the_same_data()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = BotLoop.Start(api.Token, api.BaseUrl);
        var anna = api.User(42);
        await bot.Client.SendMessage(42, "Book?", replyMarkup: Buttons(("Book", "book:1")));

        var data = await anna.PressTwiceAsync("Book", TimeSpan.FromMilliseconds(50));

        var queries = bot.Received.Select(u => u.CallbackQuery!).ToList();
        Assert.Equal("book:1", data);
        Assert.Equal(["book:1", "book:1"], queries.Select(q => q.Data));
        Assert.NotEqual(queries[0].Id, queries[1].Id);
    }

    [Fact]
    public async Task PressDataAsync_on_an_unknown_message_sends_an_inaccessible_message()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = BotLoop.Start(api.Token, api.BaseUrl);

        await api.User(42).PressDataAsync(9999, "forged:data");

        var query = Assert.Single(bot.Received).CallbackQuery!;
        Assert.Equal(("forged:data", 9999), (query.Data, query.Message!.Id));
        Assert.Equal(default, query.Message.Date); // date 0: how Telegram.Bot reads an InaccessibleMessage
    }

    [Fact]
    public async Task Fifty_users_racing_each_get_their_own_reply()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var bot = BotLoop.Start(api.Token, api.BaseUrl, (client, update, ct) =>
            client.SendMessage(update.Message!.Chat.Id, "echo " + update.Message.Text, cancellationToken: ct));
        var users = Enumerable.Range(1, 50).Select(i => api.User(1000 + i, $"User{i}")).ToList();

        await Task.WhenAll(users.Select(u => Task.Run(() => u.SendTextAsync($"hi from {u.Id}"))));

        Assert.All(users, u => Assert.Equal($"echo hi from {u.Id}", Assert.Single(u.Messages).Text));
        Assert.Equal(50, bot.Received.Count);
        Assert.Empty(bot.Errors);
    }

    [Fact]
    public async Task Dispose_releases_a_held_long_poll_promptly()
    {
        var api = await FakeBotApi.StartAsync();
        var client = new TelegramBotClient(new TelegramBotClientOptions(api.Token, api.BaseUrl));
        var poll = client.GetUpdates(timeout: 30);
        await api.WaitForPollAsync();
        var started = TimeProvider.System.GetTimestamp();

        await api.DisposeAsync();

        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(3), "dispose waited for the long poll");
        var result = await Record.ExceptionAsync(() => poll.WaitAsync(TimeSpan.FromSeconds(3)));
        Assert.IsNotType<TimeoutException>(result);
    }

    private static InlineKeyboardMarkup Buttons(params (string Text, string Data)[] buttons) =>
        new(buttons.Select(b => InlineKeyboardButton.WithCallbackData(b.Text, b.Data)));
}
