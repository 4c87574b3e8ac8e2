namespace Booking.LocalBotApi;

/// <summary>The whole conversation as a chat app draws it: both sides, in order, with the keyboards shown now.</summary>
internal sealed partial class ChatStore
{
    public ChatView View(ChatState chat)
    {
        lock (_gate)
        {
            var fromBot = chat.Messages
                .Where(m => !m.IsDeleted)
                .Select(m => new ChatEntry(m.Id, false, m.Text, m.ParseMode, m.Inline, m.EditCount, m.SentAt, m.DocumentName, m.DocumentSize,
                    m.Snapshot().Invoice));
            var fromUser = chat.UserMessages
                .Select(m => new ChatEntry(m.Id, true, m.Text, null, [], 0, m.SentAt, null, 0));
            return new ChatView(
                chat.Id,
                chat.Version,
                fromBot.Concat(fromUser).OrderBy(e => e.MessageId).ToList(),
                chat.ReplyKeyboard ?? [],
                chat.Answers.ToList());
        }
    }

    /// <summary>The file a document message carries, for a download link; null for any other message.</summary>
    public SentDocument? Document(ChatState chat, int messageId)
    {
        lock (_gate)
        {
            return Find(chat.Id, messageId) is { DocumentName: { } name, DocumentContent: { } content } message
                ? new SentDocument(name, content, message.Text.Length == 0 ? null : message.Text)
                : null;
        }
    }
}
