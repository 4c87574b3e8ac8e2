using System.Text.Json;

namespace Booking.LocalBotApi;

/// <summary>
/// The parts of a reply_markup the server keeps. Inline keyboards belong to a message;
/// reply keyboards (and their removal) belong to the chat.
/// </summary>
internal sealed record ParsedMarkup(
    IReadOnlyList<IReadOnlyList<InlineButton>> Inline,
    IReadOnlyList<IReadOnlyList<string>>? ReplyKeyboard,
    bool RemoveKeyboard,
    IReadOnlyList<string>? ContactRequests = null)
{
    public static readonly ParsedMarkup None = new([], null, false);

    public static ParsedMarkup Read(JsonElement? markup)
    {
        if (markup is not { ValueKind: JsonValueKind.Object } obj)
        {
            return None;
        }

        if (obj.TryGetProperty("inline_keyboard", out var inline))
        {
            var rows = Rows(inline)
                .Select(row => (IReadOnlyList<InlineButton>)row.Select(ReadInlineButton).ToList())
                .ToList();
            return new ParsedMarkup(rows, null, false);
        }

        if (obj.TryGetProperty("keyboard", out var keyboard))
        {
            var rows = Rows(keyboard).ToList();
            var contact = rows.SelectMany(row => row)
                .Where(b => b.ValueKind == JsonValueKind.Object && b.TryGetProperty("request_contact", out var flag) && flag.ValueKind == JsonValueKind.True);
            return new ParsedMarkup([], rows.Select(row => (IReadOnlyList<string>)row.Select(ButtonLabel).ToList()).ToList(), false,
                contact.Select(ButtonLabel).ToList());
        }

        var remove = obj.TryGetProperty("remove_keyboard", out var flag) && flag.ValueKind == JsonValueKind.True;
        return new ParsedMarkup([], null, remove);
    }

    /// <summary>Order-sensitive comparison, as Telegram uses for "message is not modified".</summary>
    public static bool SameInline(IReadOnlyList<IReadOnlyList<InlineButton>> a, IReadOnlyList<IReadOnlyList<InlineButton>> b) =>
        a.Count == b.Count && a.Zip(b).All(pair => pair.First.SequenceEqual(pair.Second));

    private static IEnumerable<IEnumerable<JsonElement>> Rows(JsonElement rows) =>
        rows.ValueKind == JsonValueKind.Array
            ? rows.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.Array).Select(r => (IEnumerable<JsonElement>)r.EnumerateArray())
            : [];

    private static InlineButton ReadInlineButton(JsonElement button) =>
        new(ButtonLabel(button), Property(button, "callback_data"), Property(button, "url"));

    // Reply keyboard buttons may be bare strings in the Bot API, not only {text: ...} objects.
    private static string ButtonLabel(JsonElement button) =>
        button.ValueKind == JsonValueKind.String ? button.GetString() ?? "" : Property(button, "text") ?? "";

    private static string? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
