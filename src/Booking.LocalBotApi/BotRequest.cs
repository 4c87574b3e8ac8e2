using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Booking.LocalBotApi;

/// <summary>
/// The parameters of one Bot API call, read the way Telegram reads them: from a JSON body,
/// from multipart/urlencoded form fields (where complex values arrive as JSON strings),
/// or from the query string.
/// </summary>
internal sealed class BotRequest
{
    // Recorded bodies are read by people and searched by tests, so keep Cyrillic and quotes unescaped.
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly JsonElement? _json;
    private readonly IFormCollection? _form;
    private readonly IQueryCollection _query;

    private BotRequest(string method, string body, JsonElement? json, IFormCollection? form, IQueryCollection query)
    {
        Method = method;
        Body = body;
        _json = json;
        _form = form;
        _query = query;
    }

    public string Method { get; }

    /// <summary>What gets recorded in <see cref="RecordedCall.Body"/>.</summary>
    public string Body { get; }

    public static async Task<BotRequest> ReadAsync(HttpRequest request, string method, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            return new BotRequest(method, DescribeForm(form), null, form, request.Query);
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        JsonElement? json = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            using var doc = JsonDocument.Parse(body);
            json = doc.RootElement.Clone();
        }

        return new BotRequest(method, body, json, null, request.Query);
    }

    public string? String(string name)
    {
        if (TryJson(name, out var value))
        {
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Null => null,
                _ => value.GetRawText(),
            };
        }

        return RawField(name);
    }

    public long? Long(string name) =>
        long.TryParse(String(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public int? Int(string name) =>
        int.TryParse(String(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : null;

    public bool Bool(string name) => string.Equals(String(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A structured parameter; form fields and JSON-encoded strings are parsed.</summary>
    public JsonElement? Json(string name)
    {
        if (TryJson(name, out var value))
        {
            return value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => Parse(value.GetString()),
                _ => value,
            };
        }

        return Parse(RawField(name));
    }

    public async Task<(string FileName, byte[] Content)?> FileAsync(string name, CancellationToken ct)
    {
        // Telegram.Bot sends "document=attach://0" and puts the bytes in a part named "0".
        const string attach = "attach://";
        var field = RawField(name);
        var partName = field?.StartsWith(attach, StringComparison.Ordinal) == true ? field[attach.Length..] : name;
        var file = _form?.Files.GetFile(partName);
        if (file is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        return (file.FileName, buffer.ToArray());
    }

    private bool TryJson(string name, out JsonElement value)
    {
        value = default;
        return _json is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out value);
    }

    private string? RawField(string name)
    {
        if (_form is not null && _form.TryGetValue(name, out var formValue))
        {
            return formValue.ToString();
        }

        return _query.TryGetValue(name, out var queryValue) ? queryValue.ToString() : null;
    }

    private static JsonElement? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            // A plain (non-JSON) string, e.g. a file_id passed where a file could go.
            return null;
        }
    }

    private static string DescribeForm(IFormCollection form)
    {
        var fields = new JsonObject();
        foreach (var (key, value) in form)
        {
            fields[key] = value.ToString();
        }

        foreach (var file in form.Files)
        {
            fields[file.Name] = $"file {file.FileName} ({file.Length} bytes)";
        }

        return fields.ToJsonString(ReadableJson);
    }
}
