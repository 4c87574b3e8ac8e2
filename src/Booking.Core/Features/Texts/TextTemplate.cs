using System.Text.RegularExpressions;

namespace Booking.Core.Features.Texts;

/// <summary>
/// Whether an admin's wording can stand in for a default (A10): the very same placeholders, Telegram HTML limited
/// to the tags the bot uses (b, i, s, code), properly nested, and for list texts the same number of items.
/// </summary>
public static partial class TextTemplate
{
    private static readonly string[] Tags = ["b", "i", "s", "code"];
    private static readonly string[] Entities = ["&lt;", "&gt;", "&amp;", "&quot;"];

    /// <summary>What is wrong with a proposed text; <see cref="IsValid"/> when nothing is.</summary>
    public sealed record Check(
        bool Empty, bool TooLong, IReadOnlyList<string> Missing, IReadOnlyList<string> Unknown, string? Markup, int? ListItems)
    {
        public bool IsValid => !Empty && !TooLong && Missing.Count == 0 && Unknown.Count == 0 && Markup is null && ListItems is null;
    }

    public static Check Validate(string text, string defaultText)
    {
        var expected = Placeholders(defaultText);
        var used = Placeholders(text);
        var markup = HasMarkup(defaultText) ? MarkupProblem(text) : PlainProblem(text);
        var items = ListLength(defaultText);
        return new Check(
            string.IsNullOrWhiteSpace(text),
            text.Length > Domain.TextOverride.MaxLength,
            expected.Except(used, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            used.Except(expected, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            markup,
            items is { } n && text.Split(',').Length != n ? n : null);
    }

    /// <summary>Names in braces, "{name}"; anything word-like in braces counts, so a typo shows up as unknown.</summary>
    public static IReadOnlySet<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The text without tags and with entities decoded: what a reader sees, for short previews.</summary>
    public static string Visible(string text) =>
        AnyTag().Replace(text, string.Empty).Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&quot;", "\"", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>
    /// The first problem with the markup, e.g. "&lt;u&gt;" or "&lt;/b&gt;"; null when Telegram will accept it. Text
    /// outside tags must escape &lt;, &gt; and &amp; as entities.
    /// </summary>
    public static string? MarkupProblem(string text)
    {
        var open = new Stack<string>();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '<':
                    var end = text.IndexOf('>', i + 1);
                    var tag = end < 0 ? text[i..] : text[i..(end + 1)];
                    if (end < 0 || !TryTag(tag, out var name, out var closing))
                    {
                        return Shorten(tag);
                    }

                    if (closing && (open.Count == 0 || open.Pop() != name))
                    {
                        return tag;
                    }

                    if (!closing)
                    {
                        open.Push(name);
                    }

                    i = end;
                    break;
                case '>':
                    return ">";
                case '&' when !Entities.Any(e => text.AsSpan(i).StartsWith(e, StringComparison.Ordinal)):
                    return "&";
            }
        }

        return open.Count > 0 ? "<" + open.Peek() + ">" : null;
    }

    /// <summary>
    /// A default without tags or entities may be a button label, a pop-up or a piece of another text, all shown as
    /// plain text, so its replacement gets no markup either.
    /// </summary>
    public static bool HasMarkup(string defaultText) => defaultText.Contains('<', StringComparison.Ordinal) || defaultText.Contains('&', StringComparison.Ordinal);

    private static string? PlainProblem(string text)
    {
        var at = text.IndexOfAny(['<', '>', '&']);
        return at < 0 ? null : text[at].ToString();
    }

    private static bool TryTag(string tag, out string name, out bool closing)
    {
        closing = tag.StartsWith("</", StringComparison.Ordinal);
        name = tag[(closing ? 2 : 1)..^1];
        return Tags.Contains(name, StringComparer.Ordinal);
    }

    /// <summary>A list text ("пн,вт,ср,…") is comma-separated words without spaces; the bot picks items by position.</summary>
    private static int? ListLength(string defaultText) =>
        ListText().IsMatch(defaultText) ? defaultText.Split(',').Length : null;

    private static string Shorten(string s) => s.Length <= 20 ? s : s[..20] + "…";

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("<[^<>]*>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"^[^\s,{}<>]+(,[^\s,{}<>]+)+$")]
    private static partial Regex ListText();
}
