namespace Booking.LocalBotApi;

/// <summary>One HTTP request the bot made, in arrival order.</summary>
/// <param name="Body">The raw JSON body, or for multipart uploads a JSON object of the form fields.</param>
/// <param name="At">When it arrived by the injected clock, which tests usually hold still (the demo uses the system clock).</param>
public sealed record RecordedCall(string Method, string Body, DateTimeOffset At)
{
    /// <summary>Real (monotonic) time since the server started when the call arrived: measures real waits, such as a retry after a 429.</summary>
    public TimeSpan Received { get; init; }
}

/// <summary>One setMyCommands call.</summary>
public sealed record RecordedCommandSet(
    IReadOnlyList<(string Command, string Description)> Commands,
    string? ScopeJson,
    string? LanguageCode);

public sealed record InlineButton(string Text, string? CallbackData, string? Url);

public sealed record CallbackAnswer(string QueryId, string? Text, bool ShowAlert);

public sealed record SentDocument(string FileName, byte[] Content, string? Caption);

/// <summary>An invoice the bot sent; <paramref name="TotalAmount"/> in the currency's smallest units (kopecks, cents).</summary>
public sealed record SentInvoice(string Title, string Description, string Currency, long TotalAmount, string Payload);

/// <summary>The bot's answer to a pre-checkout query: go ahead, or the error Telegram shows the payer.</summary>
public sealed record CheckoutAnswer(string QueryId, bool Ok, string? Error);

/// <summary>A chat as its user sees it now (deleted messages gone, edits applied).</summary>
/// <param name="Version">Changes whenever anything in the chat does; equal versions mean nothing to redraw.</param>
/// <param name="Answers">Every callback answer (toast or alert) so far, oldest first.</param>
public sealed record ChatView(
    long ChatId,
    int Version,
    IReadOnlyList<ChatEntry> Entries,
    IReadOnlyList<IReadOnlyList<string>> ReplyKeyboard,
    IReadOnlyList<CallbackAnswer> Answers);

/// <summary>One bubble: a bot message (text or document) or something the user sent.</summary>
public sealed record ChatEntry(
    int MessageId,
    bool FromUser,
    string Text,
    string? ParseMode,
    IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard,
    int EditCount,
    DateTimeOffset SentAt,
    string? DocumentName,
    long DocumentSize,
    SentInvoice? Invoice = null);
