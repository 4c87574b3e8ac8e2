using System.Text;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;

namespace Booking.Web.Panel;

/// <summary>
/// The bot's texts (ru/en, with the admins' overrides) for web pages. A template and its values are both
/// HTML-encoded, so the result is safe to write into a page as is; Telegram markup has no place in the panel.
/// </summary>
public sealed class PanelTexts(Texts texts, Formats formats)
{
    public string Language => texts.Language;

    public Texts Bot => texts;

    /// <summary>Dates, times and prices in the admin's language and the business zone (already HTML-safe).</summary>
    public Formats Formats => formats;

    public string this[string key] => Html.Encode(texts[key]);

    /// <summary>A bot text written for Telegram (with &lt;b&gt; or &lt;code&gt;), its tags dropped, encoded for a page.</summary>
    public string Stripped(string key) => FromTelegram(texts[key]);

    /// <summary>Telegram HTML (a bot message) as page text: tags dropped, entities kept as characters, encoded again.</summary>
    public static string FromTelegram(string html) =>
        Html.Encode(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]{1,40}>", string.Empty)));

    /// <summary>The raw text, for places that encode it themselves (attributes, titles built with <see cref="Html"/>).</summary>
    public string Plain(string key) => texts[key];

    public string Format(string key, params ReadOnlySpan<(string Name, object? Value)> args)
    {
        var template = Html.Encode(texts[key]);
        var result = new StringBuilder(template);
        foreach (var (name, value) in args)
        {
            var html = value is Raw raw ? raw.Html : Html.Encode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            result.Replace("{" + name + "}", html);
        }

        return result.ToString();
    }
}
