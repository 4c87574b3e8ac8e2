using System.Text;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Tests.LocalBotApi;

/// <summary>What the demo's web chat reads from the local Bot API server: both sides of a chat, keyboards, files.</summary>
public sealed partial class LocalChatTests : IAsyncLifetime
{
    private LocalBotApiServer _server = null!;
    private TelegramBotClient _bot = null!;

    public async Task InitializeAsync()
    {
        _server = await LocalBotApiServer.StartAsync("555000:LOCAL");
        _bot = new TelegramBotClient(new TelegramBotClientOptions(_server.Token, _server.BaseUrl) { RetryThreshold = 0 });
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_view_shows_both_sides_in_order_without_deleted_messages()
    {
        var anna = _server.Chat(42, "Anna");

        anna.SendText("/start");
        var hello = await _bot.SendMessage(42, "<b>Hello</b>", ParseMode.Html);
        var gone = await _bot.SendMessage(42, "Soon gone");
        await _bot.DeleteMessage(42, gone.Id);
        anna.SendContact("+79990001122");

        var view = anna.View();
        Assert.Equal(
            [(true, "/start"), (false, "<b>Hello</b>"), (true, "📞 +79990001122")],
            view.Entries.Select(e => (e.FromUser, e.Text)));
        Assert.Equal("HTML", view.Entries[1].ParseMode, ignoreCase: true);
        Assert.Equal(hello.Id, view.Entries[1].MessageId);
        Assert.Equal(42, view.ChatId);
    }

    [Fact]
    public async Task The_version_moves_with_every_visible_change_and_only_then()
    {
        var anna = _server.Chat(42, "Anna");
        var start = anna.View().Version;

        var sent = await _bot.SendMessage(42, "One");
        var afterSend = anna.View().Version;
        await _bot.EditMessageText(42, sent.Id, "Two");
        var afterEdit = anna.View().Version;
        _ = anna.View();

        Assert.True(afterSend > start);
        Assert.True(afterEdit > afterSend);
        Assert.Equal(afterEdit, anna.View().Version);
        Assert.Equal(1, anna.View().Entries.Single().EditCount);
    }

    [Fact]
    public async Task A_reply_keyboard_keeps_its_rows_and_callback_answers_are_listed()
    {
        var anna = _server.Chat(42, "Anna");
        await _bot.SendMessage(42, "Menu", replyMarkup: new ReplyKeyboardMarkup([["Book"], ["Mine", "About"]]));
        var sent = await _bot.SendMessage(42, "Pick", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Yes", "y")));
        var updateId = anna.PressShown(sent.Id, "y");
        var update = Assert.Single(await _bot.GetUpdates());
        await _bot.AnswerCallbackQuery(update.CallbackQuery!.Id, "Done!", showAlert: true);

        var view = anna.View();
        Assert.Equal(update.Id, updateId);
        Assert.Equal([["Book"], ["Mine", "About"]], view.ReplyKeyboard);
        Assert.Equal(["Book", "Mine", "About"], anna.ReplyKeyboard);
        Assert.Equal(new CallbackAnswer(update.CallbackQuery.Id, "Done!", true), Assert.Single(view.Answers));
    }

    [Fact]
    public async Task Only_a_shown_button_can_be_pressed()
    {
        var anna = _server.Chat(42, "Anna");
        var sent = await _bot.SendMessage(42, "Pick", replyMarkup: new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("Yes", "y")));

        Assert.Null(anna.PressShown(sent.Id, "forged"));
        Assert.Null(anna.PressShown(sent.Id + 100, "y"));
        Assert.Empty(await _bot.GetUpdates());
    }

    [Fact]
    public async Task A_sent_document_can_be_downloaded_from_its_message()
    {
        var anna = _server.Chat(42, "Anna");
        var csv = Encoding.UTF8.GetBytes("id;client\n1;Anna\n");
        await using var content = new MemoryStream(csv);
        var sent = await _bot.SendDocument(42, InputFile.FromStream(content, "bookings.csv"), caption: "Export");

        var entry = Assert.Single(anna.View().Entries);
        var file = anna.Document(sent.Id);

        Assert.Equal(("bookings.csv", (long)csv.Length, "Export"), (entry.DocumentName, entry.DocumentSize, entry.Text));
        Assert.NotNull(file);
        Assert.Equal(csv, file.Content);
        Assert.Null(anna.Document(sent.Id + 1));
    }
}
