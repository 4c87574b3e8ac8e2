using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Booking.TestKit.Telegram;

/// <summary>
/// A person in a private chat with the bot. Every action waits until the bot has finished
/// handling it, so a test can assert on the reply right after the call.
/// </summary>
public sealed class FakeUser
{
    private readonly FakeBotApi _api;
    private readonly ChatState _chat;

    internal FakeUser(FakeBotApi api, ChatState chat)
    {
        (_api, _chat) = (api, chat);
        (Id, FirstName) = (chat.Id, chat.FirstName);
    }

    public long Id { get; }

    public string FirstName { get; }

    /// <summary>Bot messages to this chat in send order, as they look now (after edits and deletions).</summary>
    public IReadOnlyList<BotMessage> Messages => _api.Chats.Messages(_chat);

    /// <summary>The newest message the bot sent here that was not deleted.</summary>
    public BotMessage LastMessage =>
        Messages.LastOrDefault(m => !m.IsDeleted)
        ?? throw new InvalidOperationException($"The bot has no visible message in chat {Id}.");

    /// <summary>Labels of the reply keyboard shown now, row by row; empty when none or removed.</summary>
    public IReadOnlyList<string> ReplyKeyboard => _api.Chats.ReplyKeyboard(_chat);

    public IReadOnlyList<CallbackAnswer> CallbackAnswers => _api.Chats.Answers(_chat);

    public int UnansweredCallbacks => _api.Chats.Unanswered(_chat);

    public IReadOnlyList<SentDocument> Documents => _api.Chats.Documents(_chat);

    public Task SendTextAsync(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var message = _api.Chats.NewUserMessage(_chat);
        message.Text = text;
        if (text.StartsWith('/'))
        {
            var end = text.IndexOfAny([' ', '\n', '\t']);
            message.Entities = [new MessageEntity { Type = MessageEntityType.BotCommand, Offset = 0, Length = end < 0 ? text.Length : end }];
        }

        return SendAsync(new Update { Message = message });
    }

    public Task SendContactAsync(string phone)
    {
        var message = _api.Chats.NewUserMessage(_chat);
        message.Contact = new Contact { PhoneNumber = phone, FirstName = FirstName, UserId = Id };
        return SendAsync(new Update { Message = message });
    }

    public Task PressAsync(string label)
    {
        var (messageId, data) = _api.Chats.FindButton(_chat, label);
        return PressDataAsync(messageId, data);
    }

    public Task PressAsync(int messageId, string label)
    {
        var (_, data) = _api.Chats.FindButton(_chat, label, messageId);
        return PressDataAsync(messageId, data);
    }

    /// <summary>Sends any callback data on any message id, to test stale or forged presses.</summary>
    public async Task PressDataAsync(int messageId, string callbackData)
    {
        var updateId = _api.Enqueue(CallbackUpdate(messageId, callbackData));
        await _api.WaitProcessedAsync(updateId);
    }

    /// <summary>The update a press of <paramref name="label"/> would send, without sending it (for replays and fuzzing).</summary>
    public Update PressUpdate(string label)
    {
        var (messageId, data) = _api.Chats.FindButton(_chat, label);
        return CallbackUpdate(messageId, data);
    }

    /// <summary>The update a press of any data on any message id would send, without sending it.</summary>
    public Update PressDataUpdate(int messageId, string callbackData) => CallbackUpdate(messageId, callbackData);

    /// <summary>The update a typed text would send, without sending it.</summary>
    public Update TextUpdate(string text)
    {
        var message = _api.Chats.NewUserMessage(_chat);
        message.Text = text;
        return new Update { Message = message };
    }

    /// <summary>A double tap: the same button twice, <paramref name="gap"/> apart.</summary>
    public async Task<string> PressTwiceAsync(string label, TimeSpan gap)
    {
        var (messageId, data) = _api.Chats.FindButton(_chat, label);
        var first = _api.Enqueue(CallbackUpdate(messageId, data));
        if (gap > TimeSpan.Zero)
        {
            await Task.Delay(gap, TimeProvider.System);
        }

        var second = _api.Enqueue(CallbackUpdate(messageId, data));
        await Task.WhenAll(_api.WaitProcessedAsync(first), _api.WaitProcessedAsync(second));
        return data;
    }

    public override string ToString() => $"{FirstName} ({Id})";

    private Update CallbackUpdate(int messageId, string data) => new()
    {
        CallbackQuery = new CallbackQuery
        {
            From = TelegramObjects.Person(_chat),
            Message = _api.Chats.CallbackMessage(_chat, messageId),
            ChatInstance = $"chat-instance-{Id}",
            Data = data,
        },
    };

    private async Task SendAsync(Update update) => await _api.WaitProcessedAsync(_api.Enqueue(update));
}
