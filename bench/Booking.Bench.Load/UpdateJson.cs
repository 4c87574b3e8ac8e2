using System.Buffers;
using System.Text.Json;

namespace Booking.Bench.Load;

/// <summary>Telegram update and reply objects written straight to UTF-8 JSON: the fake must cost the bot nothing.</summary>
public static class UpdateJson
{
    public static byte[] Text(long updateId, long chatId, int messageId, string text, long unixTime) => Write(json =>
    {
        json.WriteNumber("update_id", updateId);
        json.WriteStartObject("message");
        json.WriteNumber("message_id", messageId);
        Person(json, "from", chatId);
        Chat(json, chatId);
        json.WriteNumber("date", unixTime);
        json.WriteString("text", text);
        if (text.StartsWith('/'))
        {
            json.WriteStartArray("entities");
            json.WriteStartObject();
            json.WriteString("type", "bot_command");
            json.WriteNumber("offset", 0);
            json.WriteNumber("length", text.IndexOf(' ', StringComparison.Ordinal) is var space and >= 0 ? space : text.Length);
            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteEndObject();
    });

    public static byte[] Press(long updateId, long chatId, string queryId, int messageId, string data, long unixTime) => Write(json =>
    {
        json.WriteNumber("update_id", updateId);
        json.WriteStartObject("callback_query");
        json.WriteString("id", queryId);
        Person(json, "from", chatId);
        json.WriteStartObject("message");
        json.WriteNumber("message_id", messageId);
        json.WriteNumber("date", unixTime);
        Chat(json, chatId);
        json.WriteString("text", ".");
        json.WriteEndObject();
        json.WriteString("chat_instance", "ci");
        json.WriteString("data", data);
        json.WriteEndObject();
    });

    /// <summary>The Message the Bot API returns for a send or an edit.</summary>
    public static byte[] SentMessage(int messageId, long chatId, long unixTime) => Write(json =>
    {
        json.WriteBoolean("ok", true);
        json.WriteStartObject("result");
        json.WriteNumber("message_id", messageId);
        json.WriteNumber("date", unixTime);
        Chat(json, chatId);
        json.WriteEndObject();
    });

    private static void Person(Utf8JsonWriter json, string name, long id)
    {
        json.WriteStartObject(name);
        json.WriteNumber("id", id);
        json.WriteBoolean("is_bot", false);
        json.WriteString("first_name", "User");
        json.WriteString("language_code", "ru");
        json.WriteEndObject();
    }

    private static void Chat(Utf8JsonWriter json, long id)
    {
        json.WriteStartObject("chat");
        json.WriteNumber("id", id);
        json.WriteString("type", "private");
        json.WriteString("first_name", "User");
        json.WriteEndObject();
    }

    private static byte[] Write(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            body(json);
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
