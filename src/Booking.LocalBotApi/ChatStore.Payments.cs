using System.Globalization;
using System.Text;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Payments;

namespace Booking.LocalBotApi;

/// <summary>
/// Telegram Payments as a payer sees them: an invoice message with a Pay button, the pre-checkout query the bot must
/// answer, and — only when it said yes — the successful payment. No money and no provider are involved.
/// </summary>
internal sealed partial class ChatStore
{
    private readonly Dictionary<string, PendingCheckout> _checkouts = [];
    private int _lastCheckoutId;

    public ApiResult SendInvoice(long chatId, InvoiceState invoice)
    {
        if (invoice.Title.Length is < 1 or > 32 || invoice.Description.Length is < 1 or > 255)
        {
            return ApiResult.BadRequest("invoice title must be 1-32 and description 1-255 characters long");
        }

        if (Encoding.UTF8.GetByteCount(invoice.Payload) is < 1 or > 128)
        {
            return ApiResult.BadRequest("INVOICE_PAYLOAD_INVALID");
        }

        if (invoice.TotalAmount <= 0 || invoice.Currency.Length != 3)
        {
            return ApiResult.BadRequest(invoice.TotalAmount <= 0 ? "CURRENCY_TOTAL_AMOUNT_INVALID" : "CURRENCY_INVALID");
        }

        lock (_gate)
        {
            var chat = ChatFor(chatId);
            var message = new MessageState(++_lastMessageId, chatId, clock.GetUtcNow())
            {
                Text = invoice.Title + "\n" + invoice.Description,
                Invoice = invoice,
            };
            return Store(chat, message, ParsedMarkup.None);
        }
    }

    /// <summary>The pre-checkout query a tap on the invoice's Pay button sends; null when that message is no invoice.</summary>
    public PreCheckoutQuery? NewCheckout(ChatState chat, int messageId)
    {
        lock (_gate)
        {
            if (Find(chat.Id, messageId) is not { Invoice: { } invoice })
            {
                return null;
            }

            var id = "pcq-" + (++_lastCheckoutId).ToString(CultureInfo.InvariantCulture);
            _checkouts[id] = new PendingCheckout(id, chat.Id, invoice);
            return new PreCheckoutQuery
            {
                Id = id, From = TelegramObjects.Person(chat), Currency = invoice.Currency, TotalAmount = (int)invoice.TotalAmount,
                InvoicePayload = invoice.Payload,
            };
        }
    }

    /// <summary>Like Telegram: one answer per query, and a refusal must say why.</summary>
    public ApiResult AnswerCheckout(string? queryId, bool ok, string? error)
    {
        lock (_gate)
        {
            if (queryId is null || !_checkouts.TryGetValue(queryId, out var checkout) || checkout.Answer is not null)
            {
                return ApiResult.BadRequest("QUERY_ID_INVALID");
            }

            if (!ok && string.IsNullOrWhiteSpace(error))
            {
                return ApiResult.BadRequest("error_message must be non-empty when ok is false");
            }

            checkout.Answer = new CheckoutAnswer(queryId, ok, ok ? null : error);
            var chat = ChatFor(checkout.ChatId);
            chat.CheckoutAnswers.Add(checkout.Answer);
            chat.Version++;
            return ApiResult.Ok(true);
        }
    }

    public CheckoutAnswer? CheckoutAnswerOf(string queryId)
    {
        lock (_gate)
        {
            return _checkouts.TryGetValue(queryId, out var checkout) ? checkout.Answer : null;
        }
    }

    /// <summary>
    /// The service message Telegram posts once the money went through: only after the bot approved the checkout, and
    /// once per checkout. Null otherwise.
    /// </summary>
    public Message? NewPayment(ChatState chat, string queryId)
    {
        lock (_gate)
        {
            if (!_checkouts.TryGetValue(queryId, out var checkout) || checkout.Answer is not { Ok: true } || checkout.Paid)
            {
                return null;
            }

            checkout.Paid = true;
            var invoice = checkout.Invoice;
            var message = TelegramObjects.FromUser(++_lastMessageId, chat, clock.GetUtcNow());
            message.SuccessfulPayment = new SuccessfulPayment
            {
                Currency = invoice.Currency, TotalAmount = (int)invoice.TotalAmount, InvoicePayload = invoice.Payload,
                TelegramPaymentChargeId = "tg-" + queryId, ProviderPaymentChargeId = "provider-" + queryId,
            };
            chat.UserMessages.Add(new UserMessage(message.Id, PaidLabel(invoice), clock.GetUtcNow()));
            chat.Version++;
            return message;
        }
    }

    private static string PaidLabel(InvoiceState invoice) =>
        "💳 " + (invoice.TotalAmount / 100m).ToString("0.00", CultureInfo.InvariantCulture) + " " + invoice.Currency;
}

/// <summary>An invoice the bot sent; the total is in the currency's smallest units, as Telegram counts it.</summary>
internal sealed record InvoiceState(string Title, string Description, string Payload, string Currency, long TotalAmount, string? ProviderToken);

/// <summary>A pre-checkout query handed to the bot, waiting for answerPreCheckoutQuery; only touched under the store's lock.</summary>
internal sealed class PendingCheckout(string id, long chatId, InvoiceState invoice)
{
    public string Id { get; } = id;
    public long ChatId { get; } = chatId;
    public InvoiceState Invoice { get; } = invoice;
    public CheckoutAnswer? Answer { get; set; }
    public bool Paid { get; set; }
}
