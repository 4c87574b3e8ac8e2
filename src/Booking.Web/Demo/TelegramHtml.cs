using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Booking.Web.Demo;

/// <summary>
/// Turns a message's text into HTML a browser may show as is: Telegram's HTML subset (b, i, u, s, code, pre, a,
/// blockquote, tg-spoiler and their aliases) becomes the same tags; anything else — other tags, attributes,
/// scripts, javascript: links — arrives as plain text or not at all.
/// </summary>
public static partial class TelegramHtml
{
    private static readonly Dictionary<string, string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = "b", ["strong"] = "b", ["i"] = "i", ["em"] = "i", ["u"] = "u", ["ins"] = "u",
        ["s"] = "s", ["strike"] = "s", ["del"] = "s", ["code"] = "code", ["pre"] = "pre", ["a"] = "a",
        ["blockquote"] = "blockquote", ["tg-spoiler"] = "span",
    };

    public static string ToSafeHtml(string text, string? parseMode)
    {
        if (!string.Equals(parseMode, "HTML", StringComparison.OrdinalIgnoreCase))
        {
            return WebUtility.HtmlEncode(text);
        }

        var html = new StringBuilder(text.Length + 16);
        var open = new Stack<string>();
        var last = 0;
        foreach (Match tag in TagPattern().Matches(text))
        {
            html.Append(Text(text[last..tag.Index]));
            last = tag.Index + tag.Length;
            var closing = tag.Groups["close"].Success;
            if (!Tags.TryGetValue(tag.Groups["name"].Value, out var name))
            {
                html.Append(Text(tag.Value));
            }
            else if (!closing)
            {
                open.Push(name);
                html.Append(Open(name, tag.Groups["name"].Value, tag.Groups["attrs"].Value));
            }
            else if (open.Count > 0 && open.Peek() == name)
            {
                html.Append("</").Append(open.Pop()).Append('>');
            }
        }

        html.Append(Text(text[last..]));
        while (open.Count > 0)
        {
            html.Append("</").Append(open.Pop()).Append('>');
        }

        return html.ToString();
    }

    // Entities Telegram accepts (&lt; &amp; &#39; …) are decoded and everything is encoded again, so no markup survives.
    private static string Text(string raw) => WebUtility.HtmlEncode(WebUtility.HtmlDecode(raw));

    private static string Open(string name, string original, string attributes)
    {
        if (original.Equals("tg-spoiler", StringComparison.OrdinalIgnoreCase))
        {
            return "<span class=\"spoiler\">";
        }

        if (name != "a")
        {
            return $"<{name}>";
        }

        var href = HrefPattern().Match(attributes) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups["url"].Value).Trim() : "";
        return Uri.TryCreate(href, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "tg" or "mailto"
            ? $"<a href=\"{WebUtility.HtmlEncode(uri.OriginalString)}\" target=\"_blank\" rel=\"noopener noreferrer\">"
            : "<a>";
    }

    [GeneratedRegex(@"<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9-]*)(?<attrs>[^<>]*)>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("""href\s*=\s*(?:"(?<url>[^"]*)"|'(?<url>[^']*)')""", RegexOptions.IgnoreCase)]
    private static partial Regex HrefPattern();
}
