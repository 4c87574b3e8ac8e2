namespace Booking.LocalBotApi;

/// <summary>
/// An immutable snapshot of a message the bot sent, taken at the moment it was read,
/// so assertions never race with the bot editing it.
/// </summary>
public sealed class BotMessage
{
    internal BotMessage(
        int messageId,
        string text,
        string? parseMode,
        IReadOnlyList<IReadOnlyList<InlineButton>> inlineKeyboard,
        int editCount,
        bool isDeleted,
        DateTimeOffset sentAt)
    {
        MessageId = messageId;
        Text = text;
        ParseMode = parseMode;
        InlineKeyboard = inlineKeyboard;
        EditCount = editCount;
        IsDeleted = isDeleted;
        SentAt = sentAt;
    }

    public int MessageId { get; }

    /// <summary>Current text after edits; for documents, the caption (or empty).</summary>
    public string Text { get; }

    public string? ParseMode { get; }

    public IReadOnlyList<IReadOnlyList<InlineButton>> InlineKeyboard { get; }

    public IEnumerable<InlineButton> Buttons => InlineKeyboard.SelectMany(row => row);

    public int EditCount { get; }

    public bool IsDeleted { get; }

    public DateTimeOffset SentAt { get; }

    /// <summary>The file name of a document (its <see cref="Text"/> is the caption); null for a text message.</summary>
    public string? DocumentName { get; init; }

    public bool IsDocument => DocumentName is not null;

    /// <summary>The invoice this message is (X3: a deposit to pay), or null for any other message.</summary>
    public SentInvoice? Invoice { get; init; }

    public bool IsInvoice => Invoice is not null;

    public override string ToString() =>
        $"#{MessageId}{(IsDeleted ? " (deleted)" : "")}: {Text}"
        + (InlineKeyboard.Count == 0 ? "" : " [" + string.Join(" | ", Buttons.Select(b => b.Text)) + "]");
}
