using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.LocalBotApi;

/// <summary>
/// Builds Telegram.Bot's own types so the JSON the server sends is exactly what the client parses.
/// </summary>
internal static class TelegramObjects
{
    public static User BotUser(long id, string username) => new()
    {
        Id = id,
        IsBot = true,
        FirstName = "BookingBot",
        Username = username,
    };

    public static User Person(ChatState chat) => new()
    {
        Id = chat.Id,
        IsBot = false,
        FirstName = chat.FirstName,
        Username = chat.Username,
        LanguageCode = chat.LanguageCode,
    };

    public static Chat PrivateChat(ChatState chat) => new()
    {
        Id = chat.Id,
        Type = ChatType.Private,
        FirstName = chat.FirstName,
        Username = chat.Username,
    };

    public static Message FromBot(MessageState message, ChatState chat, User bot)
    {
        var result = new Message
        {
            Id = message.Id,
            Date = message.SentAt.UtcDateTime,
            Chat = PrivateChat(chat),
            From = bot,
            ReplyMarkup = message.Inline.Count == 0 ? null : Keyboard(message.Inline),
        };

        if (message.Invoice is { } invoice)
        {
            result.Invoice = new Telegram.Bot.Types.Payments.Invoice
            {
                Title = invoice.Title, Description = invoice.Description, StartParameter = string.Empty, Currency = invoice.Currency,
                TotalAmount = (int)invoice.TotalAmount,
            };
            return result;
        }

        if (message.DocumentName is null)
        {
            result.Text = message.Text;
            return result;
        }

        result.Caption = message.Text.Length == 0 ? null : message.Text;
        result.Document = new Document
        {
            FileId = $"doc-{message.Id}",
            FileUniqueId = $"udoc-{message.Id}",
            FileName = message.DocumentName,
            FileSize = message.DocumentSize,
        };
        return result;
    }

    /// <summary>
    /// What Telegram puts in a callback query whose message the bot can no longer see:
    /// an InaccessibleMessage, recognisable by date 0.
    /// </summary>
    public static Message Inaccessible(int messageId, ChatState chat) => new()
    {
        Id = messageId,
        Date = DateTime.UnixEpoch,
        Chat = PrivateChat(chat),
    };

    public static Message FromUser(int messageId, ChatState chat, DateTimeOffset at) => new()
    {
        Id = messageId,
        Date = at.UtcDateTime,
        Chat = PrivateChat(chat),
        From = Person(chat),
    };

    private static InlineKeyboardMarkup Keyboard(IReadOnlyList<IReadOnlyList<InlineButton>> rows) =>
        new(rows.Select(row => row.Select(b => new InlineKeyboardButton(b.Text)
        {
            CallbackData = b.CallbackData,
            Url = b.Url,
        })));
}
