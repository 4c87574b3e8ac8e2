using Booking.TestKit.Telegram;
using Microsoft.Extensions.Time.Testing;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Tests.TestKit;

/// <summary>The fake's HTTP protocol, driven by a real Telegram.Bot client.</summary>
public sealed class FakeBotApiTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task GetMe_returns_the_bot_user_named_by_the_token()
    {
        await using var api = await FakeBotApi.StartAsync("777000:SECRET");

        var me = await Client(api).GetMe();

        Assert.Equal(777000, me.Id);
        Assert.True(me.IsBot);
        Assert.Equal("BookingBot", me.FirstName);
        Assert.Equal("booking_test_bot", me.Username);
        Assert.StartsWith("http://127.0.0.1:", api.BaseUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sent_message_reaches_the_user_with_its_buttons_and_a_date_in_seconds()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 5, 6, 7, 8, 9, 500, TimeSpan.Zero));
        await using var api = await FakeBotApi.StartAsync(clock: clock);
        var anna = api.User(42);

        var sent = await Client(api).SendMessage(42, "<b>Pick</b>", ParseMode.Html,
            replyMarkup: new InlineKeyboardMarkup([[InlineKeyboardButton.WithCallbackData("Yes", "y")], [InlineKeyboardButton.WithUrl("Site", "https://example.org")]]));

        Assert.Equal(new DateTime(2030, 5, 6, 7, 8, 9, DateTimeKind.Utc), sent.Date);
        Assert.Equal(42, sent.Chat.Id);
        Assert.Equal("y", sent.ReplyMarkup!.InlineKeyboard.First().First().CallbackData);
        Assert.Equal("<b>Pick</b>", anna.LastMessage.Text);
        Assert.Equal("html", anna.LastMessage.ParseMode, ignoreCase: true);
        Assert.Equal(sent.Id, anna.LastMessage.MessageId);
        Assert.Equal([new InlineButton("Yes", "y", null), new InlineButton("Site", null, "https://example.org")], anna.LastMessage.Buttons);
    }

    [Fact]
    public async Task Editing_text_changes_what_the_user_sees_and_counts_the_edit()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = Client(api);
        var sent = await client.SendMessage(42, "Before", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Go", "go")));

        var edited = await client.EditMessageText(42, sent.Id, "After");

        var shown = api.User(42).LastMessage;
        Assert.Equal("After", edited.Text);
        Assert.Equal("After", shown.Text);
        Assert.Equal(1, shown.EditCount);
        Assert.Empty(shown.InlineKeyboard); // an edit without reply_markup drops the keyboard, as in Telegram
    }

    [Fact]
    public async Task Identical_edit_fails_with_message_is_not_modified()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = Client(api);
        var markup = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Go", "go"));
        var sent = await client.SendMessage(42, "Same", replyMarkup: markup);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => client.EditMessageText(42, sent.Id, "Same", replyMarkup: markup));
        var markupError = await Assert.ThrowsAsync<ApiRequestException>(() => client.EditMessageReplyMarkup(42, sent.Id, markup));

        Assert.Equal(400, error.ErrorCode);
        Assert.StartsWith("Bad Request: message is not modified", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("Bad Request: message is not modified", markupError.Message, StringComparison.Ordinal);
        Assert.Equal(0, api.User(42).LastMessage.EditCount);
    }

    [Fact]
    public async Task Editing_or_deleting_an_unknown_message_fails_with_not_found()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = Client(api);
        var sent = await client.SendMessage(42, "Bye");
        await client.DeleteMessage(42, sent.Id);

        var edit = await Assert.ThrowsAsync<ApiRequestException>(() => client.EditMessageText(42, sent.Id, "Again"));
        var delete = await Assert.ThrowsAsync<ApiRequestException>(() => client.DeleteMessage(42, sent.Id));

        Assert.Equal("Bad Request: message to edit not found", edit.Message);
        Assert.Equal("Bad Request: message to delete not found", delete.Message);
        Assert.True(api.User(42).Messages.Single().IsDeleted);
        Assert.Throws<InvalidOperationException>(() => api.User(42).LastMessage);
    }

    [Fact]
    public async Task Holds_getUpdates_until_an_update_arrives()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = Client(api);

        var poll = client.GetUpdates(timeout: 10);
        await Task.Delay(300);
        Assert.False(poll.IsCompleted, "getUpdates answered at once instead of holding the long poll");
        var id = await Task.Run(() => api.Enqueue(new Update { Message = new Message { Text = "hi", Chat = new Chat { Id = 1 } } }));
        var updates = await poll.WaitAsync(Patience);

        Assert.Equal(1, id);
        Assert.Equal("hi", Assert.Single(updates).Message!.Text);
        Assert.Empty(await client.GetUpdates(offset: updates[0].Id + 1, timeout: 0));
    }

    [Fact]
    public async Task Long_poll_returns_empty_after_its_timeout()
    {
        await using var api = await FakeBotApi.StartAsync();
        var started = TimeProvider.System.GetTimestamp();

        var updates = await Client(api).GetUpdates(timeout: 1).WaitAsync(Patience);

        Assert.Empty(updates);
        Assert.True(TimeProvider.System.GetElapsedTime(started) >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Offset_confirms_updates_and_limit_caps_the_batch()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = Client(api);
        for (var i = 0; i < 3; i++)
        {
            api.Enqueue(new Update { Message = new Message { Text = $"m{i}", Chat = new Chat { Id = 1 } } });
        }

        var unconfirmed = await client.GetUpdates(timeout: 0);
        var again = await client.GetUpdates(limit: 2, timeout: 0);
        var afterFirst = await client.GetUpdates(offset: 2, timeout: 0);
        var afterAll = await client.GetUpdates(offset: 4, timeout: 0);
        var old = await client.GetUpdates(offset: 1, timeout: 0);

        Assert.Equal([1, 2, 3], unconfirmed.Select(u => u.Id));
        Assert.Equal([1, 2], again.Select(u => u.Id));
        Assert.Equal([2, 3], afterFirst.Select(u => u.Id));
        Assert.Empty(afterAll);
        Assert.Empty(old);
    }

    [Fact]
    public async Task WaitProcessedAsync_completes_only_after_the_confirming_getUpdates()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = Client(api);
        var id = api.Enqueue(new Update { Message = new Message { Text = "x", Chat = new Chat { Id = 1 } } });
        var processed = api.WaitProcessedAsync(id);

        await client.GetUpdates(timeout: 0);
        await Task.Delay(100);
        Assert.False(processed.IsCompleted, "receiving an update is not processing it");
        await client.GetUpdates(offset: (int)id + 1, timeout: 0);

        await processed.WaitAsync(Patience);
        await api.WaitForPollAsync().WaitAsync(Patience);
    }

    [Fact]
    public async Task WaitProcessedAsync_times_out_with_a_clear_message()
    {
        await using var api = await FakeBotApi.StartAsync();
        api.ProcessTimeout = TimeSpan.FromMilliseconds(200);
        var id = api.Enqueue(new Update { Message = new Message { Text = "x", Chat = new Chat { Id = 1 } } });

        var error = await Assert.ThrowsAsync<TimeoutException>(() => api.WaitProcessedAsync(id));
        var noPoll = await Assert.ThrowsAsync<TimeoutException>(() => api.WaitForPollAsync());

        Assert.Contains($"Update {id} was not processed", error.Message, StringComparison.Ordinal);
        Assert.Contains("getUpdates calls so far: 0", error.Message, StringComparison.Ordinal);
        Assert.Contains(api.BaseUrl, noPoll.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fail_makes_the_next_call_throw_429_with_retry_after_then_recovers()
    {
        await using var api = await FakeBotApi.StartAsync();
        var client = Client(api);
        api.Fail("sendMessage", 429, "Too Many Requests: retry after 7", retryAfter: 7);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => client.SendMessage(42, "hello"));
        var retried = await client.SendMessage(42, "hello");

        Assert.Equal(429, error.ErrorCode);
        Assert.Equal(7, error.Parameters?.RetryAfter);
        Assert.Equal("hello", retried.Text);
        Assert.Single(api.User(42).Messages);
        Assert.Equal(["sendMessage", "sendMessage"], api.Calls.Select(c => c.Method));
    }

    [Fact]
    public async Task Unknown_method_and_wrong_token_are_rejected()
    {
        await using var api = await FakeBotApi.StartAsync();
        var stranger = new TelegramBotClient(new TelegramBotClientOptions("999:WRONG", api.BaseUrl) { RetryThreshold = 0 });

        var unknown = await Assert.ThrowsAsync<ApiRequestException>(() => Client(api).GetChat(42));
        var unauthorized = await Assert.ThrowsAsync<ApiRequestException>(() => stranger.GetMe());

        Assert.Equal(404, unknown.ErrorCode);
        Assert.Equal("Not Found: method 'getChat' is not supported by the local Bot API", unknown.Message);
        Assert.Equal(401, unauthorized.ErrorCode);
        Assert.Equal("Unauthorized", unauthorized.Message);
    }

    [Fact]
    public async Task SendDocument_upload_is_recorded_with_file_name_bytes_and_markup()
    {
        await using var api = await FakeBotApi.StartAsync();
        byte[] bytes = [1, 2, 3, 250];
        using var stream = new MemoryStream(bytes);

        var sent = await Client(api).SendDocument(42, InputFile.FromStream(stream, "report.csv"), "Monthly report",
            replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Thanks", "ok")));

        var document = Assert.Single(api.User(42).Documents);
        Assert.Equal("report.csv", document.FileName);
        Assert.Equal(bytes, document.Content);
        Assert.Equal("Monthly report", document.Caption);
        Assert.Equal("report.csv", sent.Document?.FileName);
        var message = Assert.Single(api.User(42).Messages);
        Assert.True(message.IsDocument);
        Assert.Equal("report.csv", message.DocumentName);
        Assert.Equal("ok", Assert.Single(message.Buttons).CallbackData);
        Assert.Throws<InvalidOperationException>(() => api.User(42).LastMessage); // the last *text* message: there is none
        Assert.Contains("report.csv", api.Calls.Single().Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetMyCommands_is_recorded_with_scope_and_language()
    {
        await using var api = await FakeBotApi.StartAsync();

        await Client(api).SetMyCommands([new BotCommand("start", "Begin"), new BotCommand("help", "Help")], new BotCommandScopeAllPrivateChats(), "ru");

        var set = Assert.Single(api.CommandSets);
        Assert.Equal([("start", "Begin"), ("help", "Help")], set.Commands);
        Assert.Contains("all_private_chats", set.ScopeJson, StringComparison.Ordinal);
        Assert.Equal("ru", set.LanguageCode);
    }

    private static TelegramBotClient Client(FakeBotApi api) =>
        new(new TelegramBotClientOptions(api.Token, api.BaseUrl) { RetryThreshold = 0 });
}
