using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Payments;

namespace Booking.Bot.Tests.LocalBotApi;

/// <summary>X3: Telegram Payments as the local Bot API plays them — invoice, pre-checkout, and a payment only when approved.</summary>
public sealed partial class LocalChatTests
{
    private Task<Telegram.Bot.Types.Message> InvoiceAsync(string payload = "dep:7") =>
        _bot.SendInvoice(42, "Deposit", "For Tuesday's visit", payload, "RUB", [new LabeledPrice("Deposit", 50_000)], "TEST:provider");

    [Fact]
    public async Task An_invoice_comes_back_as_Telegram_sends_it_and_paying_it_asks_the_bot_with_its_payload_and_total()
    {
        var anna = _server.Chat(42, "Anna");
        var invoice = await InvoiceAsync();

        var (_, queryId) = anna.StartPayment(invoice.Id)!.Value;
        var query = Assert.Single(await _bot.GetUpdates()).PreCheckoutQuery!;

        Assert.Equal(("Deposit", "RUB", 50_000), (invoice.Invoice!.Title, invoice.Invoice.Currency, (int)invoice.Invoice.TotalAmount));
        Assert.Equal((queryId, 42L, "dep:7", 50_000), (query.Id, query.From.Id, query.InvoicePayload, (int)query.TotalAmount));
        Assert.Equal(50_000, anna.Messages.Single().Invoice!.TotalAmount);
        Assert.Null(anna.StartPayment(invoice.Id - 1));
    }

    [Fact]
    public async Task Only_an_approved_checkout_is_paid_once_and_each_query_is_answered_once()
    {
        var anna = _server.Chat(42, "Anna");
        var invoice = await InvoiceAsync();
        var (_, refused) = anna.StartPayment(invoice.Id)!.Value;
        var (_, approved) = anna.StartPayment(invoice.Id)!.Value;

        Assert.Null(anna.FinishPayment(approved));
        await _bot.AnswerPreCheckoutQuery(refused, "Too late");
        await _bot.AnswerPreCheckoutQuery(approved);
        await Assert.ThrowsAsync<ApiRequestException>(() => _bot.AnswerPreCheckoutQuery(approved));

        Assert.Equal(new CheckoutAnswer(refused, false, "Too late"), anna.CheckoutAnswer(refused));
        Assert.Null(anna.FinishPayment(refused));
        Assert.NotNull(anna.FinishPayment(approved));
        Assert.Null(anna.FinishPayment(approved));
        var paid = (await _bot.GetUpdates()).Select(u => u.Message?.SuccessfulPayment).Single(p => p is not null)!;
        Assert.Equal(("dep:7", 50_000, "tg-" + approved, "provider-" + approved),
            (paid.InvoicePayload, (int)paid.TotalAmount, paid.TelegramPaymentChargeId, paid.ProviderPaymentChargeId));
    }

    [Fact]
    public async Task An_invoice_without_a_payload_is_refused_like_Telegram_does()
    {
        var refused = await Assert.ThrowsAsync<ApiRequestException>(() => InvoiceAsync(payload: ""));

        Assert.Equal(400, refused.ErrorCode);
    }
}
