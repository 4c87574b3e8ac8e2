using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.LocalBotApi;

/// <summary>
/// A person in a private chat with the bot: what they see and what they can do. Every action submits an update
/// (see <see cref="LocalBotApiServer.Submit"/>) and returns its id, which <see cref="LocalBotApiServer.WaitProcessedAsync"/> waits on.
/// </summary>
public sealed class LocalChat
{
    private readonly LocalBotApiServer _server;
    private readonly ChatState _chat;

    internal LocalChat(LocalBotApiServer server, ChatState chat)
    {
        (_server, _chat) = (server, chat);
        (Id, FirstName) = (chat.Id, chat.FirstName);
    }

    public long Id { get; }

    public string FirstName { get; }

    /// <summary>Bot messages to this chat in send order, as they look now (after edits and deletions).</summary>
    public IReadOnlyList<BotMessage> Messages => _server.Chats.Messages(_chat);

    /// <summary>Labels of the reply keyboard shown now, row after row; empty when none or removed.</summary>
    public IReadOnlyList<string> ReplyKeyboard => _server.Chats.ReplyKeyboard(_chat);

    /// <summary>Labels of the reply keyboard's buttons that would share this person's phone.</summary>
    public IReadOnlyList<string> ContactButtons => _server.Chats.ContactButtons(_chat);

    public IReadOnlyList<CallbackAnswer> CallbackAnswers => _server.Chats.Answers(_chat);

    public int UnansweredCallbacks => _server.Chats.Unanswered(_chat);

    public IReadOnlyList<SentDocument> Documents => _server.Chats.Documents(_chat);

    /// <summary>Both sides of the conversation, for drawing it.</summary>
    public ChatView View() => _server.Chats.View(_chat);

    /// <summary>The file of a document message the bot sent here; null if that message is not a document.</summary>
    public SentDocument? Document(int messageId) => _server.Chats.Document(_chat, messageId);

    public long SendText(string text) => _server.Submit(TextUpdate(text));

    public long SendContact(string phone) => _server.Submit(ContactUpdate(phone, Id, FirstName));

    /// <summary>The update sending <paramref name="text"/> would be, not yet numbered nor delivered.</summary>
    public Update TextUpdate(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = _server.Chats.NewUserMessage(_chat, text);
        message.Text = text;
        if (text.StartsWith('/'))
        {
            var end = text.IndexOfAny([' ', '\n', '\t']);
            message.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = end < 0 ? text.Length : end }];
        }

        return new Update { Message = message };
    }

    /// <summary>The update sharing a contact card would be: this person's own, another user's, or one with no user (null).</summary>
    public Update ContactUpdate(string phone, long? userId, string firstName)
    {
        var message = _server.Chats.NewUserMessage(_chat, "📞 " + phone);
        message.Contact = new Contact { PhoneNumber = phone, FirstName = firstName, UserId = userId };
        return new Update { Message = message };
    }

    /// <summary>
    /// The inline button a person would tap: newest visible message first (or only <paramref name="messageId"/>); on
    /// each message an exact label wins, else a single button containing the label. Throws when there is none.
    /// </summary>
    public (int MessageId, string Data) FindButton(string label, int? messageId = null) =>
        _server.Chats.FindButton(_chat, label, messageId);

    /// <summary>Presses the callback button with this data on this message, if such a button is shown there.</summary>
    public long? PressShown(int messageId, string callbackData) =>
        _server.Chats.Shows(_chat, messageId, callbackData) ? PressData(messageId, callbackData) : null;

    /// <summary>Sends any callback data on any message id, as a stale or forged press would.</summary>
    public long PressData(int messageId, string callbackData) => _server.Submit(PressUpdate(messageId, callbackData));

    /// <summary>The update pressing this data on this message would be, not yet numbered nor delivered.</summary>
    public Update PressUpdate(int messageId, string callbackData) => new()
    {
        CallbackQuery = new CallbackQuery
        {
            From = TelegramObjects.Person(_chat),
            Message = _server.Chats.CallbackMessage(_chat, messageId),
            ChatInstance = $"chat-instance-{Id}",
            Data = callbackData,
        },
    };

    /// <summary>
    /// A tap on the Pay button of the invoice <paramref name="messageId"/>: Telegram asks the bot with a pre_checkout_query.
    /// Returns the update's id and the query's, or null when that message is no invoice.
    /// </summary>
    public (long UpdateId, string QueryId)? StartPayment(int messageId) =>
        _server.Chats.NewCheckout(_chat, messageId) is { } query
            ? (_server.Submit(new Update { PreCheckoutQuery = query }), query.Id)
            : null;

    /// <summary>What the bot answered to this pre-checkout query; null while it has not answered.</summary>
    public CheckoutAnswer? CheckoutAnswer(string queryId) => _server.Chats.CheckoutAnswerOf(queryId);

    /// <summary>
    /// The money goes through: the successful_payment message, sent only when the bot approved this checkout, and once.
    /// Returns its update id, or null when there is nothing to pay.
    /// </summary>
    public long? FinishPayment(string queryId) =>
        _server.Chats.NewPayment(_chat, queryId) is { } message ? _server.Submit(new Update { Message = message }) : null;

    public override string ToString() => $"{FirstName} ({Id})";
}
