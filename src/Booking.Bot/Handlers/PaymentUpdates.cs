using Booking.Bot.Payments;
using Booking.Bot.Receiving;
using Booking.Core.Domain;
using Booking.Core.Features.Catalog;
using Booking.Core.Features.Payments;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types.Payments;

namespace Booking.Bot.Handlers;

/// <summary>
/// X3: prepayment through Telegram Payments — the invoice for a held booking, the pre-checkout answer, and the
/// successful payment, after which the booking is announced exactly as a booking without a deposit is.
/// </summary>
public sealed class PaymentUpdates(
    BotOptions options, Replies replies, ListServices.Handler services, CheckPaymentHold.Handler holds, RecordPayment.Handler payments,
    AdminNotifier admins, CalendarFile calendarFile, ILogger<PaymentUpdates> logger)
{
    /// <summary>Telegram's limit on an invoice title.</summary>
    private const int MaxTitle = 32;

    /// <summary>Draws "one step left" in the wizard message and, for a new hold, sends the invoice below it.</summary>
    public async Task AskToPayAsync(UpdateContext ctx, Core.Domain.Booking booking, bool sendInvoice, CancellationToken ct)
    {
        var (t, f) = (ctx.Texts, ctx.Formats);
        var service = (await services.FindAnyAsync(booking.ServiceId, ct))?.Name ?? "—";
        var deposit = f.Price(booking.DepositAmount ?? 0, booking.Currency);
        var minutes = (int)Math.Ceiling(((booking.HoldUntilUtc ?? ctx.NowUtc) - ctx.NowUtc).TotalMinutes);
        var text = t.Format("payment.awaiting", ("service", service), ("date", f.Date(booking.StartUtc)), ("time", f.Time(booking.StartUtc)),
            ("duration", f.Duration(booking.DurationMinutes)), ("price", f.Price(booking.Price, booking.Currency)), ("deposit", deposit),
            ("minutes", Math.Max(minutes, 1)));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, null, ct);
        if (!sendInvoice || options.Payments.ProviderToken is not { } token)
        {
            return;
        }

        var title = t.Format("payment.invoice_title", ("service", service));
        var invoice = new Payments.Invoice(
            title.Length > MaxTitle ? title[..(MaxTitle - 1)] + "…" : title,
            t.Format("payment.invoice_description", ("service", service), ("date", f.Date(booking.StartUtc)), ("time", f.Time(booking.StartUtc))),
            new DepositPayload(booking.Id).Format(), booking.Currency, t["payment.invoice_label"],
            MinorUnits.From(booking.DepositAmount ?? 0, booking.Currency), token);
        await replies.SendInvoiceAsync(ctx.ChatId, invoice, ct);
    }

    /// <summary>Lets the payment through only while the hold stands; otherwise Telegram shows the payer why not.</summary>
    public async Task PreCheckoutAsync(UpdateContext ctx, PreCheckoutQuery query, CancellationToken ct)
    {
        var outcome = CheckPaymentHold.Outcome.NotFound;
        try
        {
            if (DepositPayload.TryParse(query.InvoicePayload, out var payload))
            {
                outcome = await holds.HandleAsync(new CheckPaymentHold.Request(ctx.ChatId, payload!.BookingId, query.TotalAmount, query.Currency), ct);
            }
        }
        finally
        {
            // Telegram waits 10 seconds for the answer; whatever happened above, the payer gets one.
            var error = outcome switch
            {
                CheckPaymentHold.Outcome.Valid => null,
                CheckPaymentHold.Outcome.Expired => ctx.Texts["payment.checkout_expired"],
                _ => ctx.Texts["payment.checkout_invalid"],
            };
            await replies.AnswerPreCheckoutAsync(query.Id, error, CancellationToken.None);
        }

        logger.LogInformation("Pre-checkout {QueryId} of user {UserId}: {Outcome}", query.Id, ctx.ChatId, outcome);
    }

    /// <summary>The money arrived: confirm, or, when the time is gone, tell the client and the admins that it is owed back.</summary>
    public async Task PaidAsync(UpdateContext ctx, SuccessfulPayment paid, CancellationToken ct)
    {
        var bookingId = DepositPayload.TryParse(paid.InvoicePayload, out var payload) ? payload!.BookingId : (int?)null;
        var payment = new Payment(paid.TelegramPaymentChargeId, paid.ProviderPaymentChargeId,
            MinorUnits.ToAmount(paid.TotalAmount, paid.Currency), paid.Currency);
        var result = await payments.HandleAsync(new RecordPayment.Request(ctx.ChatId, bookingId, payment), ct);
        logger.LogInformation("Payment {ChargeId} of user {UserId} for booking {BookingId}: {Outcome}", payment.ChargeId, ctx.ChatId, bookingId, result.Outcome);
        var (t, f) = (ctx.Texts, ctx.Formats);
        var amount = f.Price(payment.Amount, payment.Currency);
        var booking = result.Booking;
        switch (result.Outcome)
        {
            case RecordPayment.Outcome.Confirmed or RecordPayment.Outcome.ConfirmedLate:
                var service = booking!.Service?.Name;
                var confirmed = t.Format("booking.confirmed", ("service", service), ("date", f.Date(booking.StartUtc)), ("time", f.Time(booking.StartUtc)),
                    ("duration", f.Duration(booking.DurationMinutes)), ("price", f.Price(booking.Price, booking.Currency)));
                var note = t.Format(result.Outcome == RecordPayment.Outcome.Confirmed ? "payment.confirmed" : "payment.paid_late", ("paid", amount));
                await replies.SendAsync(ctx.ChatId, note + "\n\n" + confirmed, Rendering.Keyboards.MainMenu(ctx), ct);
                await admins.NotifyAsync("payment.admin_new_booking", ctx.Client, service, booking.StartUtc, null, ct, ("paid", amount));
                await calendarFile.SendAsync(ctx, booking.Id, ct);
                break;
            case RecordPayment.Outcome.RefundDue:
                await replies.SendAsync(ctx.ChatId, t.Format("payment.refund", ("paid", amount)), Rendering.Keyboards.MainMenu(ctx), ct);
                // Under the message, the button to press once the money is back (the refund itself is made in the
                // provider's dashboard); a payment that names no booking of the payer only has the audit log to live in.
                Func<Texts.Texts, Telegram.Bot.Types.ReplyMarkups.InlineKeyboardMarkup>? done = booking is null
                    ? null
                    : t => Rendering.Keyboards.Rows([Admin.ScheduleScreens.RefundButton(t, booking.Id)]);
                await admins.NotifyAsync("payment.admin_refund", ctx.Client, booking?.Service?.Name ?? "—", booking?.StartUtc ?? ctx.NowUtc, null, done, ct,
                    ("paid", amount), ("charge", payment.ProviderChargeId));
                break;
        }
    }
}
