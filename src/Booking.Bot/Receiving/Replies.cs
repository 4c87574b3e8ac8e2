using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Clients;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Receiving;

/// <summary>
/// Sends and edits messages with the bot's conventions: HTML, no link previews, "not modified" is harmless,
/// and an edit that Telegram refuses falls back to a new message so the user always gets an answer.
/// A chat that refuses messages (403: the user blocked the bot) marks its client blocked and is otherwise ignored,
/// so whatever the handler does after the reply (clearing the wizard, telling the admins) still happens.
/// Retries of 429, 5xx and network errors happen below, in the HttpClient's resilience handler.
/// </summary>
public sealed class Replies(ITelegramBotClient bot, MarkClientBlocked.Handler blocked, BookingDb db, TimeProvider clock, ILogger<Replies> logger)
{
    /// <summary>The message id returned when the chat cannot be reached, so nothing was sent.</summary>
    public const int NoMessage = 0;

    public async Task<int> SendAsync(long chatId, string html, ReplyMarkup? markup, CancellationToken ct)
    {
        try
        {
            var message = await bot.SendMessage(chatId, html, ParseMode.Html, replyMarkup: markup,
                linkPreviewOptions: new Telegram.Bot.Types.LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct);
            if (markup is InlineKeyboardMarkup)
            {
                // Remembered so the keyboard can be taken off once it is stale (P8); saved with the update's changes.
                db.LiveKeyboards.Add(new LiveKeyboard(chatId, message.Id, clock.GetUtcNow().UtcDateTime));
            }

            return message.Id;
        }
        catch (ApiRequestException e) when (IsUnreachable(e))
        {
            await MarkBlockedAsync(chatId, e, ct);
            return NoMessage;
        }
    }

    /// <summary>Edits the wizard message in place, or sends a fresh one when there is none to edit.</summary>
    public async Task<int> ShowAsync(long chatId, int? messageId, string html, InlineKeyboardMarkup? markup, CancellationToken ct)
    {
        if (messageId is not { } id)
        {
            return await SendAsync(chatId, html, markup, ct);
        }

        try
        {
            await bot.EditMessageText(chatId, id, html, ParseMode.Html, replyMarkup: markup,
                linkPreviewOptions: new Telegram.Bot.Types.LinkPreviewOptions { IsDisabled = true }, cancellationToken: ct);
            return id;
        }
        catch (ApiRequestException e) when (IsNotModified(e))
        {
            return id; // a double tap redraws the same screen
        }
        catch (ApiRequestException e) when (IsUnreachable(e))
        {
            await MarkBlockedAsync(chatId, e, ct);
            return id;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            logger.LogInformation("Could not edit message {MessageId} in chat {ChatId} ({Reason}); sending a new one", id, chatId, e.Message);
            return await SendAsync(chatId, html, markup, ct);
        }
    }

    /// <summary>Uploads a file (an export) with an HTML caption.</summary>
    public Task SendDocumentAsync(long chatId, string fileName, byte[] content, string caption, CancellationToken ct) =>
        SendDocumentAsync(chatId, fileName, content, caption, silent: false, ct);

    /// <summary>Uploads a file; a silent one arrives without a sound, as a companion to a message the user just saw.</summary>
    public async Task SendDocumentAsync(long chatId, string fileName, byte[] content, string caption, bool silent, CancellationToken ct)
    {
        using var stream = new MemoryStream(content, writable: false);
        await bot.SendDocument(chatId, Telegram.Bot.Types.InputFile.FromStream(stream, fileName), caption: caption, parseMode: ParseMode.Html,
            disableNotification: silent, cancellationToken: ct);
    }

    /// <summary>Takes the buttons off a message so they cannot be tapped again.</summary>
    public async Task RemoveButtonsAsync(long chatId, int messageId, CancellationToken ct)
    {
        try
        {
            await bot.EditMessageReplyMarkup(chatId, messageId, replyMarkup: null, cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            logger.LogDebug("No buttons to remove on message {MessageId}: {Reason}", messageId, e.Message);
        }
        catch (ApiRequestException e) when (IsUnreachable(e))
        {
            await MarkBlockedAsync(chatId, e, ct);
        }
    }

    /// <summary>Stops the button's progress spinner; optional text shows as a toast or, with alert, a dialog.</summary>
    public async Task AnswerAsync(string queryId, string? text, bool alert, CancellationToken ct)
    {
        try
        {
            await bot.AnswerCallbackQuery(queryId, text, alert, cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400 or 403)
        {
            logger.LogDebug("Callback query {QueryId} could not be answered: {Reason}", queryId, e.Message);
        }
    }

    /// <summary>X3: an invoice with one price line, in the currency's smallest units; NoMessage when the chat is unreachable.</summary>
    public async Task<int> SendInvoiceAsync(long chatId, Payments.Invoice invoice, CancellationToken ct)
    {
        try
        {
            var message = await bot.SendInvoice(chatId, invoice.Title, invoice.Description, invoice.Payload, invoice.Currency,
                [new Telegram.Bot.Types.Payments.LabeledPrice(invoice.Label, invoice.AmountMinorUnits)], invoice.ProviderToken,
                cancellationToken: ct);
            return message.Id;
        }
        catch (ApiRequestException e) when (IsUnreachable(e))
        {
            await MarkBlockedAsync(chatId, e, ct);
            return NoMessage;
        }
    }

    /// <summary>X3: lets the payment through (no error) or stops it with a message Telegram shows the payer.</summary>
    public async Task AnswerPreCheckoutAsync(string queryId, string? error, CancellationToken ct)
    {
        try
        {
            await bot.AnswerPreCheckoutQuery(queryId, error, cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            logger.LogWarning("Pre-checkout query {QueryId} could not be answered: {Reason}", queryId, e.Message);
        }
    }

    /// <summary>Logged once per block: only the call that flips the flag says so.</summary>
    private async Task MarkBlockedAsync(long chatId, ApiRequestException e, CancellationToken ct)
    {
        if (await blocked.HandleAsync(chatId, ct))
        {
            logger.LogInformation("Chat {ChatId} refuses messages ({Reason}); its client is marked blocked", chatId, e.Message);
        }
        else
        {
            logger.LogDebug("Chat {ChatId} still refuses messages ({Reason})", chatId, e.Message);
        }
    }

    /// <summary>403: the user blocked the bot, deleted their account, or never started it. Retrying cannot help.</summary>
    private static bool IsUnreachable(ApiRequestException e) => e.ErrorCode == 403;

    private static bool IsNotModified(ApiRequestException e) =>
        e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);
}
