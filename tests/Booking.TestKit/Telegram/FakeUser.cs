using Booking.LocalBotApi;
using Telegram.Bot.Types;

namespace Booking.TestKit.Telegram;

/// <summary>
/// A person in a private chat with the bot. Every action waits until the bot has finished
/// handling it, so a test can assert on the reply right after the call.
/// </summary>
public sealed class FakeUser
{
    private readonly FakeBotApi _api;
    private readonly LocalChat _chat;

    internal FakeUser(FakeBotApi api, LocalChat chat) => (_api, _chat) = (api, chat);

    public long Id => _chat.Id;

    public string FirstName => _chat.FirstName;

    /// <summary>Bot messages to this chat in send order, as they look now (after edits and deletions).</summary>
    public IReadOnlyList<BotMessage> Messages => _chat.Messages;

    /// <summary>
    /// The newest text message the bot sent here that was not deleted. Documents (a calendar file sent along with a
    /// confirmation, an export) are skipped: they are read through <see cref="Documents"/>; so are invoices (<see cref="Invoices"/>).
    /// </summary>
    public BotMessage LastMessage =>
        Messages.LastOrDefault(m => !m.IsDeleted && !m.IsDocument && !m.IsInvoice)
        ?? throw new InvalidOperationException($"The bot has no visible message in chat {Id}.");

    /// <summary>Labels of the reply keyboard shown now, row by row; empty when none or removed.</summary>
    public IReadOnlyList<string> ReplyKeyboard => _chat.ReplyKeyboard;

    /// <summary>Labels of the reply keyboard's buttons that would share this user's phone.</summary>
    public IReadOnlyList<string> ContactButtons => _chat.ContactButtons;

    public IReadOnlyList<CallbackAnswer> CallbackAnswers => _chat.CallbackAnswers;

    public int UnansweredCallbacks => _chat.UnansweredCallbacks;

    public IReadOnlyList<SentDocument> Documents => _chat.Documents;

    public Task SendTextAsync(string text) => WaitAsync(_chat.SendText(text));

    public Task SendContactAsync(string phone) => WaitAsync(_chat.SendContact(phone));

    /// <summary>A contact card of anyone: another user's (forwarded or from the address book), or one with no user at all.</summary>
    public Task SendContactAsync(string phone, long? userId, string firstName) =>
        WaitAsync(_api.Enqueue(_chat.ContactUpdate(phone, userId, firstName)));

    public Task PressAsync(string label)
    {
        var (messageId, data) = _chat.FindButton(label);
        return PressDataAsync(messageId, data);
    }

    public Task PressAsync(int messageId, string label)
    {
        var (_, data) = _chat.FindButton(label, messageId);
        return PressDataAsync(messageId, data);
    }

    /// <summary>Sends any callback data on any message id, to test stale or forged presses.</summary>
    public Task PressDataAsync(int messageId, string callbackData) => WaitAsync(_chat.PressData(messageId, callbackData));

    /// <summary>
    /// The update a press of <paramref name="label"/> would send, registered with the server but not delivered: for
    /// tests that deliver it themselves, e.g. to several webhook hosts at once.
    /// </summary>
    public Update PressUpdate(string label)
    {
        var (messageId, data) = _chat.FindButton(label);
        return _api.Register(_chat.PressUpdate(messageId, data));
    }

    /// <summary>The update sending <paramref name="text"/> would be, registered but not delivered (see <see cref="PressUpdate"/>).</summary>
    public Update TextUpdate(string text) => _api.Register(_chat.TextUpdate(text));

    /// <summary>The update a press of any data on any message id would send, not yet numbered nor delivered.</summary>
    public Update PressDataUpdate(int messageId, string callbackData) => _chat.PressUpdate(messageId, callbackData);

    /// <summary>A double tap: the same button twice, <paramref name="gap"/> apart.</summary>
    public async Task<string> PressTwiceAsync(string label, TimeSpan gap)
    {
        var (messageId, data) = _chat.FindButton(label);
        var first = _chat.PressData(messageId, data);
        if (gap > TimeSpan.Zero)
        {
            await Task.Delay(gap, TimeProvider.System);
        }

        var second = _chat.PressData(messageId, data);
        await Task.WhenAll(_api.WaitProcessedAsync(first), _api.WaitProcessedAsync(second));
        return data;
    }

    /// <summary>
    /// X3: pays the newest invoice (or <paramref name="messageId"/>) as a person would — Pay, the bot's pre-checkout answer,
    /// then, only if it said yes, the successful payment — waiting for the bot each time. Returns the bot's answer.
    /// </summary>
    public async Task<CheckoutAnswer> PayAsync(int? messageId = null)
    {
        var answer = await CheckoutAsync(messageId);
        await CompletePaymentAsync(answer.QueryId);
        return answer;
    }

    /// <summary>Only the Pay tap and the bot's pre-checkout answer: the money has not moved yet (see <see cref="CompletePaymentAsync"/>).</summary>
    public async Task<CheckoutAnswer> CheckoutAsync(int? messageId = null)
    {
        var invoice = messageId ?? Messages.LastOrDefault(m => m.IsInvoice && !m.IsDeleted)?.MessageId
            ?? throw new InvalidOperationException($"The bot has sent no invoice to chat {Id}.");
        var (updateId, queryId) = _chat.StartPayment(invoice) ?? throw new InvalidOperationException($"Message #{invoice} is not an invoice.");
        await WaitAsync(updateId);
        return _chat.CheckoutAnswer(queryId) ?? throw new InvalidOperationException($"The bot did not answer pre-checkout query {queryId}.");
    }

    /// <summary>The money goes through (if the bot approved the checkout): the successful payment reaches the bot. False when nothing was paid.</summary>
    public async Task<bool> CompletePaymentAsync(string queryId)
    {
        if (_chat.FinishPayment(queryId) is not { } paid)
        {
            return false;
        }

        await WaitAsync(paid);
        return true;
    }

    /// <summary>The invoices the bot sent here, oldest first.</summary>
    public IReadOnlyList<BotMessage> Invoices => Messages.Where(m => m.IsInvoice).ToList();

    public override string ToString() => _chat.ToString();

    private Task WaitAsync(long updateId) => _api.WaitProcessedAsync(updateId);
}
