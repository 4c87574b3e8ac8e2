using System.Text;
using Booking.Core.Features.Texts;

namespace Booking.Bot.Texts;

/// <summary>Text that is already HTML (a rendered fragment) and must not be escaped again.</summary>
public readonly record struct Raw(string Html);

/// <summary>
/// Looks texts up by key in one language and fills placeholders. Every value is HTML-escaped unless it is
/// <see cref="Raw"/>, so a client's name or a service title can never break or inject markup. An admin's override
/// wins over the shipped default (A10); it is read from the in-memory snapshot on every lookup, so a change shows
/// at once and a lookup never queries the database.
/// </summary>
public sealed class Texts(TextCatalog catalog, string language, TextOverrideCache? overrides = null)
{
    public string Language { get; } = language;

    public string this[string key] =>
        overrides?.Find(Language, key) ?? catalog.Default(Language, key) ?? overrides?.Find(Core.Domain.Languages.Default, key)
        ?? catalog.Find(Core.Domain.Languages.Default, key) ?? Missing(key);

    /// <summary>The shipped wording, ignoring overrides: old reply keyboards may still carry it.</summary>
    public string? Default(string key) => catalog.Find(Language, key);

    /// <summary>The same texts in another language.</summary>
    public Texts In(string other) => other == Language ? this : new Texts(catalog, other, overrides);

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

/// <summary>Hands out <see cref="Texts"/> for a language: the admins' overrides over the shipped defaults.</summary>
public sealed class TextProvider(TextCatalog catalog, TextOverrideCache overrides)
{
    /// <summary>Defaults only, for places with no database.</summary>
    public TextProvider(TextCatalog catalog)
        : this(catalog, new TextOverrideCache())
    {
    }

    public Texts For(string language) => new(catalog, language, overrides);
}
