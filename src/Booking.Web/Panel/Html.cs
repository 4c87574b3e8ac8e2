using System.Net;
using System.Text;

namespace Booking.Web.Panel;

/// <summary>
/// The panel's HTML builder: everything appended through <see cref="Text"/> is encoded, so a client's name, a service
/// title or an admin's text override can never inject markup. Only literals of the panel's own code go in raw.
/// </summary>
public sealed class Html
{
    private readonly StringBuilder _sb = new(4096);

    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>Panel markup written in this code (tags, attributes); never user or database text.</summary>
    public Html Raw(string html)
    {
        _sb.Append(html);
        return this;
    }

    public Html Text(string? text)
    {
        _sb.Append(Encode(text));
        return this;
    }

    /// <summary>An element with encoded text content: <c>Tag("td", name)</c>.</summary>
    public Html Tag(string tag, string? text, string? cssClass = null)
    {
        _sb.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _sb.Append(" class=\"").Append(cssClass).Append('"');
        }

        _sb.Append('>').Append(Encode(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An <c>option</c> of a <c>select</c>, its text encoded, marked selected when it is the current value.</summary>
    public Html Option(string value, string? text, bool selected) =>
        Raw("<option").Attr("value", value).Raw(selected ? " selected>" : ">").Text(text).Raw("</option>");

    public Html Attr(string name, string? value)
    {
        _sb.Append(' ').Append(name).Append("=\"").Append(Encode(value)).Append('"');
        return this;
    }

    public override string ToString() => _sb.ToString();
}
