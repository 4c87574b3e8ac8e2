namespace Booking.LocalBotApi;

/// <summary>Mutable per-chat state; only touched under <see cref="ChatStore"/>'s lock.</summary>
internal sealed class ChatState(long id, string firstName, string? username, string languageCode)
{
    public long Id { get; } = id;
    public string FirstName { get; set; } = firstName;
    public string? Username { get; set; } = username;
    public string LanguageCode { get; set; } = languageCode;

    /// <summary>False while the chat exists only because the bot wrote to it.</summary>
    public bool HasUser { get; set; }
    public List<MessageState> Messages { get; } = [];

    /// <summary>What the user sent, shown between the bot's messages (ids come from the same counter).</summary>
    public List<UserMessage> UserMessages { get; } = [];

    /// <summary>The reply keyboard the user currently sees, row by row; null when none was sent or it was removed.</summary>
    public IReadOnlyList<IReadOnlyList<string>>? ReplyKeyboard { get; set; }

    /// <summary>Grows with every change anyone could see in this chat, so a viewer can tell when to redraw.</summary>
    public int Version { get; set; }

    /// <summary>Labels of the reply keyboard's buttons that share the user's contact (request_contact).</summary>
    public IReadOnlyList<string> ContactButtons { get; set; } = [];

    public List<CallbackAnswer> Answers { get; } = [];

    /// <summary>The bot's answers to pre-checkout queries from this chat, oldest first.</summary>
    public List<CheckoutAnswer> CheckoutAnswers { get; } = [];
    public List<SentDocument> Documents { get; } = [];
}

/// <summary>Mutable state of one bot message; only touched under <see cref="ChatStore"/>'s lock.</summary>
internal sealed class MessageState(int id, long chatId, DateTimeOffset sentAt)
{
    public int Id { get; } = id;
    public long ChatId { get; } = chatId;
    public DateTimeOffset SentAt { get; } = sentAt;
    public string Text { get; set; } = "";
    public string? ParseMode { get; set; }
    public IReadOnlyList<IReadOnlyList<InlineButton>> Inline { get; set; } = [];
    public int EditCount { get; set; }
    public bool IsDeleted { get; set; }

    /// <summary>Set for documents; their <see cref="Text"/> holds the caption.</summary>
    public string? DocumentName { get; init; }
    public long DocumentSize { get; init; }
    public byte[]? DocumentContent { get; init; }

    /// <summary>Set for invoices; their <see cref="Text"/> holds the title and description.</summary>
    public InvoiceState? Invoice { get; init; }

    public BotMessage Snapshot() => new(Id, Text, ParseMode, Inline, EditCount, IsDeleted, SentAt)
    {
        DocumentName = DocumentName,
        Invoice = Invoice is { } i ? new SentInvoice(i.Title, i.Description, i.Currency, i.TotalAmount, i.Payload) : null,
    };
}

/// <summary>A message the user sent, as the chat shows it.</summary>
internal sealed record UserMessage(int Id, string Text, DateTimeOffset SentAt);

/// <summary>A callback query handed to the bot, waiting for answerCallbackQuery.</summary>
internal sealed class PendingQuery(string id, long chatId)
{
    public string Id { get; } = id;
    public long ChatId { get; } = chatId;
    public bool Answered { get; set; }
}
