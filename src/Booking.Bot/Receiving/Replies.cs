using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Receiving;

/// <summary>
/// Sends and edits messages with the bot's conventions: HTML, no link previews, "not modified" is harmless,
/// and an edit that Telegram refuses falls back to a new message so the user always gets an answer.
/// </summary>
public sealed class Replies(ITelegramBotClient bot, BookingDb db, TimeProvider clock, ILogger<Replies> logger)
{
    public async Task<int> SendAsync(long chatId, string html, ReplyMarkup? markup, CancellationToken ct)
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
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            logger.LogInformation("Could not edit message {MessageId} in chat {ChatId} ({Reason}); sending a new one", id, chatId, e.Message);
            return await SendAsync(chatId, html, markup, ct);
        }
    }

    /// <summary>Uploads a file (an export) with an HTML caption.</summary>
    public async Task SendDocumentAsync(long chatId, string fileName, byte[] content, string caption, CancellationToken ct)
    {
        using var stream = new MemoryStream(content, writable: false);
        await bot.SendDocument(chatId, Telegram.Bot.Types.InputFile.FromStream(stream, fileName), caption: caption, parseMode: ParseMode.Html, cancellationToken: ct);
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
    }

    /// <summary>Stops the button's progress spinner; optional text shows as a toast or, with alert, a dialog.</summary>
    public async Task AnswerAsync(string queryId, string? text, bool alert, CancellationToken ct)
    {
        try
        {
            await bot.AnswerCallbackQuery(queryId, text, alert, cancellationToken: ct);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 400)
        {
            logger.LogDebug("Callback query {QueryId} could not be answered: {Reason}", queryId, e.Message);
        }
    }

    private static bool IsNotModified(ApiRequestException e) =>
        e.ErrorCode == 400 && e.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase);
}
