using System.Text.Json;

namespace Booking.LocalBotApi;

/// <summary>The Bot API methods this server understands; anything else is a 404.</summary>
internal sealed partial class BotApiRouter
{
    private static readonly Task<ApiResult> True = Task.FromResult(ApiResult.Ok(true));

    private Dictionary<string, Func<BotRequest, CancellationToken, Task<ApiResult>>> Methods() =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["getMe"] = (_, _) => Task.FromResult(ApiResult.Ok(_bot)),
            ["getUpdates"] = GetUpdatesAsync,
            ["sendMessage"] = (r, _) => Task.FromResult(SendMessage(r)),
            ["editMessageText"] = (r, _) => Task.FromResult(EditMessageText(r)),
            ["editMessageReplyMarkup"] = (r, _) => Task.FromResult(EditMessageReplyMarkup(r)),
            ["deleteMessage"] = (r, _) => Task.FromResult(DeleteMessage(r)),
            ["answerCallbackQuery"] = (r, _) => Task.FromResult(
                _chats.AnswerCallback(r.String("callback_query_id"), r.String("text"), r.Bool("show_alert"))),
            ["sendDocument"] = SendDocumentAsync,
            ["sendInvoice"] = (r, _) => Task.FromResult(SendInvoice(r)),
            ["answerPreCheckoutQuery"] = (r, _) => Task.FromResult(
                _chats.AnswerCheckout(r.String("pre_checkout_query_id"), r.Bool("ok"), r.String("error_message"))),
            ["setMyCommands"] = (r, _) => SetMyCommands(r),
            ["deleteMyCommands"] = (_, _) => True,
            ["setWebhook"] = (_, _) => True,
            ["deleteWebhook"] = (_, _) => True,
        };

    private ApiResult SendMessage(BotRequest r) =>
        ChatId(r, out var chatId) is { } error
            ? error
            : _chats.SendMessage(chatId, r.String("text"), r.String("parse_mode"), ParsedMarkup.Read(r.Json("reply_markup")));

    private ApiResult EditMessageText(BotRequest r) =>
        Target(r, out var chatId, out var messageId) is { } error
            ? error
            : _chats.EditText(chatId, messageId, r.String("text"), r.String("parse_mode"), ParsedMarkup.Read(r.Json("reply_markup")));

    private ApiResult EditMessageReplyMarkup(BotRequest r) =>
        Target(r, out var chatId, out var messageId) is { } error
            ? error
            : _chats.EditMarkup(chatId, messageId, ParsedMarkup.Read(r.Json("reply_markup")));

    private ApiResult DeleteMessage(BotRequest r) =>
        Target(r, out var chatId, out var messageId) is { } error
            ? error
            : _chats.Delete(chatId, messageId);

    private ApiResult SendInvoice(BotRequest r)
    {
        if (ChatId(r, out var chatId) is { } error)
        {
            return error;
        }

        if (r.Json("prices") is not { ValueKind: JsonValueKind.Array } prices || prices.GetArrayLength() == 0)
        {
            return ApiResult.BadRequest("prices must be a non-empty array of labeled prices");
        }

        var total = prices.EnumerateArray().Sum(p => p.TryGetProperty("amount", out var a) && a.TryGetInt64(out var v) ? v : 0);
        return _chats.SendInvoice(chatId, new InvoiceState(
            r.String("title") ?? "", r.String("description") ?? "", r.String("payload") ?? "", r.String("currency") ?? "", total,
            r.String("provider_token")));
    }

    private async Task<ApiResult> SendDocumentAsync(BotRequest r, CancellationToken ct)
    {
        if (ChatId(r, out var chatId) is { } error)
        {
            return error;
        }

        // Re-sending by file_id or URL would need a file store this server does not keep.
        if (await r.FileAsync("document", ct) is not var (fileName, content))
        {
            return ApiResult.BadRequest("document must be uploaded as a multipart file part named 'document'");
        }

        return _chats.SendDocument(
            chatId, fileName, content, r.String("caption"), r.String("parse_mode"), ParsedMarkup.Read(r.Json("reply_markup")));
    }

    private Task<ApiResult> SetMyCommands(BotRequest r)
    {
        if (r.Json("commands") is not { ValueKind: JsonValueKind.Array } commands)
        {
            return Task.FromResult(ApiResult.BadRequest("parameter \"commands\" is required"));
        }

        var list = commands.EnumerateArray()
            .Select(c => (Text(c, "command"), Text(c, "description")))
            .ToList();
        _log.RecordCommandSet(new RecordedCommandSet(list, r.Json("scope")?.GetRawText(), r.String("language_code")));
        return True;
    }

    private static ApiResult? ChatId(BotRequest r, out long chatId)
    {
        chatId = r.Long("chat_id") ?? 0;
        return chatId != 0 ? null
            : r.String("chat_id") is null ? ApiResult.BadRequest("chat_id is empty")
            : ApiResult.BadRequest("chat not found");
    }

    private static ApiResult? Target(BotRequest r, out long chatId, out int messageId)
    {
        messageId = r.Int("message_id") ?? 0;
        return ChatId(r, out chatId)
            ?? (messageId != 0 ? null : ApiResult.BadRequest("message identifier is not specified"));
    }

    private static string Text(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? v.GetString() ?? "" : "";
}
