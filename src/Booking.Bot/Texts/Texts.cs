using System.Text;

namespace Booking.Bot.Texts;

/// <summary>Text that is already HTML (a rendered fragment) and must not be escaped again.</summary>
public readonly record struct Raw(string Html);

/// <summary>
/// Looks texts up by key in one language and fills placeholders. Every value is HTML-escaped unless it is
/// <see cref="Raw"/>, so a client's name or a service title can never break or inject markup.
/// </summary>
public sealed class Texts(TextCatalog catalog, string language)
{
    public string Language { get; } = language;

    public string this[string key] => catalog.Find(Language, key) ?? Missing(key);

    public string Format(string key, params ReadOnlySpan<(string Name, object? Value)> args) => Fill(this[key], args);

    /// <summary>Comma-separated lists in the catalog (month names, weekdays).</summary>
    public string ListItem(string key, int index) => this[key].Split(',')[index].Trim();

    internal static string Fill(string template, ReadOnlySpan<(string Name, object? Value)> args)
    {
        if (args.IsEmpty || !template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var result = new StringBuilder(template.Length + 32);
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open + 1);
            if (close < 0)
            {
                result.Append(template, i, template.Length - i);
                break;
            }

            result.Append(template, i, open - i);
            var name = template.AsSpan(open + 1, close - open - 1);
            if (TryFind(args, name, out var value))
            {
                result.Append(value is Raw raw ? raw.Html : Escape(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));
            }
            else
            {
                result.Append(template, open, close - open + 1);
            }

            i = close + 1;
        }

        return result.ToString();
    }

    /// <summary>
    /// Escapes exactly what Telegram's HTML mode requires (&amp;, &lt;, &gt;, &quot;) and nothing else, so emoji and
    /// Cyrillic stay readable in the message source.
    /// </summary>
    public static string Escape(string? text) =>
        string.IsNullOrEmpty(text)
            ? string.Empty
            : text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
                .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    private static bool TryFind(ReadOnlySpan<(string Name, object? Value)> args, ReadOnlySpan<char> name, out object? value)
    {
        foreach (var (argName, argValue) in args)
        {
            if (name.SequenceEqual(argName))
            {
                value = argValue;
                return true;
            }
        }

        value = null;
        return false;
    }

    private static string Missing(string key) => "⟨" + key + "⟩";
}

/// <summary>Hands out <see cref="Texts"/> for a language.</summary>
public sealed class TextProvider(TextCatalog catalog)
{
    public Texts For(string language) => new(catalog, language);
}
