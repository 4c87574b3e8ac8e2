using Telegram.Bot.Types;

namespace Booking.LocalBotApi;

/// <summary>The user's side of the chats: what a person sees and what they can press.</summary>
internal sealed partial class ChatStore
{
    public ChatState AddUser(long id, string firstName, string? username, string languageCode)
    {
        lock (_gate)
        {
            var chat = ChatFor(id, firstName, username, languageCode);
            if (!chat.HasUser)
            {
                (chat.FirstName, chat.Username, chat.LanguageCode, chat.HasUser) = (firstName, username, languageCode, true);
            }

            return chat;
        }
    }

    /// <summary>A message from the user, kept in the chat as <paramref name="shown"/> (what their own bubble says).</summary>
    public Message NewUserMessage(ChatState chat, string shown)
    {
        lock (_gate)
        {
            var message = TelegramObjects.FromUser(++_lastMessageId, chat, clock.GetUtcNow());
            chat.UserMessages.Add(new UserMessage(message.Id, shown, clock.GetUtcNow()));
            chat.Version++;
            return message;
        }
    }

    /// <summary>Makes the query answerable; gives it an id when the caller left it blank.</summary>
    public void RegisterQuery(CallbackQuery query)
    {
        lock (_gate)
        {
            if (string.IsNullOrEmpty(query.Id))
            {
                query.Id = $"cbq-{++_lastQueryId}";
            }

            _queries[query.Id] = new PendingQuery(query.Id, query.From.Id);
        }
    }

    /// <summary>The message as the bot would see it inside a callback query.</summary>
    public Message CallbackMessage(ChatState chat, int messageId)
    {
        lock (_gate)
        {
            return Find(chat.Id, messageId) is { } message
                ? TelegramObjects.FromBot(message, chat, bot)
                : TelegramObjects.Inaccessible(messageId, chat);
        }
    }

    /// <summary>
    /// Finds the button a person would tap: newest visible message first; on each message an
    /// exact label wins, else a single button containing the label.
    /// </summary>
    public (int MessageId, string Data) FindButton(ChatState chat, string label, int? messageId = null)
    {
        lock (_gate)
        {
            var candidates = chat.Messages
                .Where(m => !m.IsDeleted && (messageId is null || m.Id == messageId))
                .Reverse()
                .ToList();
            foreach (var message in candidates)
            {
                var buttons = message.Inline.SelectMany(row => row).ToList();
                var exact = buttons.FirstOrDefault(b => b.Text == label);
                var partial = buttons.Where(b => b.Text.Contains(label, StringComparison.Ordinal)).ToList();
                if (exact is null && partial.Count > 1)
                {
                    throw new InvalidOperationException(
                        $"Label '{label}' is ambiguous on message #{message.Id} in chat {chat.Id}: "
                        + string.Join(", ", partial.Select(b => $"'{b.Text}'")));
                }

                if ((exact ?? partial.SingleOrDefault()) is { } button)
                {
                    return button.CallbackData is { } data
                        ? (message.Id, data)
                        : throw new InvalidOperationException($"Button '{button.Text}' on message #{message.Id} has no callback_data (url: {button.Url}).");
                }
            }

            var where = messageId is null ? $"chat {chat.Id}" : $"message #{messageId} in chat {chat.Id}";
            throw new InvalidOperationException($"No inline button matching '{label}' in {where}. {DescribeVisible(chat)}");
        }
    }

    /// <summary>True when the message is visible and shows a button with exactly this callback data.</summary>
    public bool Shows(ChatState chat, int messageId, string callbackData)
    {
        lock (_gate)
        {
            return Find(chat.Id, messageId) is { } message
                && message.Inline.SelectMany(row => row).Any(b => b.CallbackData == callbackData);
        }
    }

    public IReadOnlyList<BotMessage> Messages(ChatState chat)
    {
        lock (_gate)
        {
            return chat.Messages.Select(m => m.Snapshot()).ToList();
        }
    }

    public IReadOnlyList<string> ReplyKeyboard(ChatState chat)
    {
        lock (_gate)
        {
            return chat.ReplyKeyboard?.SelectMany(row => row).ToList() ?? [];
        }
    }

    public IReadOnlyList<string> ContactButtons(ChatState chat)
    {
        lock (_gate)
        {
            return chat.ContactButtons.ToList();
        }
    }

    public IReadOnlyList<CallbackAnswer> Answers(ChatState chat)
    {
        lock (_gate)
        {
            return chat.Answers.ToList();
        }
    }

    public int Unanswered(ChatState chat)
    {
        lock (_gate)
        {
            return _queries.Values.Count(q => q.ChatId == chat.Id && !q.Answered);
        }
    }

    public IReadOnlyList<SentDocument> Documents(ChatState chat)
    {
        lock (_gate)
        {
            return chat.Documents.ToList();
        }
    }

    private static string DescribeVisible(ChatState chat)
    {
        var visible = chat.Messages
            .Where(m => !m.IsDeleted && m.Inline.Count > 0)
            .Reverse()
            .Select(m => $"#{m.Id}: " + string.Join(" | ", m.Inline.SelectMany(row => row).Select(b => $"'{b.Text}'")))
            .ToList();
        var last = chat.Messages.LastOrDefault(m => !m.IsDeleted);
        return (visible.Count == 0 ? "Visible buttons: (none)." : "Visible buttons: " + string.Join("; ", visible) + ".")
            + (last is null ? " The bot has sent nothing to this chat." : $" Last message #{last.Id}: \"{last.Text}\"");
    }
}
