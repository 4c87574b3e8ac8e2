using Telegram.Bot.Types;

namespace Booking.LocalBotApi;

/// <summary>
/// Chats, bot messages and callback queries. One lock guards everything here because
/// many users act at once while the bot answers on its own threads.
/// </summary>
internal sealed partial class ChatStore(TimeProvider clock, User bot)
{
    private const string NotModified =
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message";

    private readonly Lock _gate = new();
    private readonly Dictionary<long, ChatState> _chats = [];
    private readonly Dictionary<int, MessageState> _messages = [];
    private readonly Dictionary<string, PendingQuery> _queries = [];
    private int _lastMessageId;
    private int _lastQueryId;

    public ApiResult SendMessage(long chatId, string? text, string? parseMode, ParsedMarkup markup)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ApiResult.BadRequest("message text is empty");
        }

        lock (_gate)
        {
            var chat = ChatFor(chatId);
            var message = new MessageState(++_lastMessageId, chatId, clock.GetUtcNow()) { Text = text, ParseMode = parseMode };
            return Store(chat, message, markup);
        }
    }

    public ApiResult SendDocument(long chatId, string fileName, byte[] content, string? caption, string? parseMode, ParsedMarkup markup)
    {
        lock (_gate)
        {
            var chat = ChatFor(chatId);
            chat.Documents.Add(new SentDocument(fileName, content, caption));
            var message = new MessageState(++_lastMessageId, chatId, clock.GetUtcNow())
            {
                Text = caption ?? "",
                ParseMode = parseMode,
                DocumentName = fileName,
                DocumentSize = content.Length,
                DocumentContent = content,
            };
            return Store(chat, message, markup);
        }
    }

    /// <summary>
    /// Like Telegram, an edit without reply_markup drops the inline keyboard,
    /// so the bot must resend it on every edit to keep it.
    /// </summary>
    public ApiResult EditText(long chatId, int messageId, string? text, string? parseMode, ParsedMarkup markup)
    {
        if (string.IsNullOrEmpty(text))
        {
            return ApiResult.BadRequest("message text is empty");
        }

        lock (_gate)
        {
            if (Find(chatId, messageId) is not { } message)
            {
                return ApiResult.BadRequest("message to edit not found");
            }

            if (message.DocumentName is not null)
            {
                return ApiResult.BadRequest("there is no text in the message to edit");
            }

            if (message.Text == text && ParsedMarkup.SameInline(message.Inline, markup.Inline))
            {
                return ApiResult.BadRequest(NotModified);
            }

            message.Text = text;
            message.ParseMode = parseMode;
            message.Inline = markup.Inline;
            message.EditCount++;
            _chats[chatId].Version++;
            return ApiResult.Ok(TelegramObjects.FromBot(message, _chats[chatId], bot));
        }
    }

    public ApiResult EditMarkup(long chatId, int messageId, ParsedMarkup markup)
    {
        lock (_gate)
        {
            if (Find(chatId, messageId) is not { } message)
            {
                return ApiResult.BadRequest("message to edit not found");
            }

            if (ParsedMarkup.SameInline(message.Inline, markup.Inline))
            {
                return ApiResult.BadRequest(NotModified);
            }

            message.Inline = markup.Inline;
            message.EditCount++;
            _chats[chatId].Version++;
            return ApiResult.Ok(TelegramObjects.FromBot(message, _chats[chatId], bot));
        }
    }

    public ApiResult Delete(long chatId, int messageId)
    {
        lock (_gate)
        {
            if (Find(chatId, messageId) is not { } message)
            {
                return ApiResult.BadRequest("message to delete not found");
            }

            message.IsDeleted = true;
            _chats[chatId].Version++;
            return ApiResult.Ok(true);
        }
    }

    /// <summary>A second answer to the same query is rejected too, as Telegram does.</summary>
    public ApiResult AnswerCallback(string? queryId, string? text, bool showAlert)
    {
        lock (_gate)
        {
            if (queryId is null || !_queries.TryGetValue(queryId, out var query) || query.Answered)
            {
                return ApiResult.BadRequest("query is too old and response timeout expired or query ID is invalid");
            }

            query.Answered = true;
            var chat = ChatFor(query.ChatId);
            chat.Answers.Add(new CallbackAnswer(queryId, text, showAlert));
            chat.Version++;
            return ApiResult.Ok(true);
        }
    }

    private ApiResult Store(ChatState chat, MessageState message, ParsedMarkup markup)
    {
        message.Inline = markup.Inline;
        if (markup.ReplyKeyboard is not null)
        {
            chat.ReplyKeyboard = markup.ReplyKeyboard;
            chat.ContactButtons = markup.ContactRequests ?? [];
        }
        else if (markup.RemoveKeyboard)
        {
            chat.ReplyKeyboard = null;
            chat.ContactButtons = [];
        }

        chat.Messages.Add(message);
        chat.Version++;
        _messages.Add(message.Id, message);
        return ApiResult.Ok(TelegramObjects.FromBot(message, chat, bot));
    }

    private MessageState? Find(long chatId, int messageId) =>
        _messages.TryGetValue(messageId, out var message) && message.ChatId == chatId && !message.IsDeleted
            ? message
            : null;

    // The bot may write to a chat no one has opened yet (say, an admin notification);
    // accept it so that chat can be inspected afterwards.
    private ChatState ChatFor(long chatId, string firstName = "User", string? username = null, string languageCode = "ru")
    {
        if (!_chats.TryGetValue(chatId, out var chat))
        {
            chat = new ChatState(chatId, firstName, username, languageCode);
            _chats.Add(chatId, chat);
        }

        return chat;
    }
}
