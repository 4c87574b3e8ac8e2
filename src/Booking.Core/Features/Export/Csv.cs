using System.Globalization;
using System.Text;

namespace Booking.Core.Features.Export;

/// <summary>
/// A13: CSV as Excel opens it — UTF-8 with a byte-order mark, comma-separated, CRLF line ends, RFC 4180 quoting.
/// Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe: names are typed by
/// clients, and a name must never become a formula on the owner's computer.
/// </summary>
public sealed class Csv
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);
    private readonly StringBuilder _text = new();

    public int Rows { get; private set; }

    /// <summary>The header line; not counted as a row.</summary>
    public Csv Header(params string[] names)
    {
        Line(names.Select(Quote));
        return this;
    }

    /// <summary>One data line; each value is text, a number, an instant already made local, or null (empty).</summary>
    public void Row(params object?[] values)
    {
        Line(values.Select(Cell));
        Rows++;
    }

    public byte[] ToBytes() => [.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(_text.ToString())];

    public static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string Cell(object? value) => value switch
    {
        null => string.Empty,
        string s => Quote(Defuse(s)),
        DateTime local => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        decimal money => money.ToString("0.00", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Quote(Defuse(value.ToString() ?? string.Empty)),
    };

    private static string Defuse(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    private void Line(IEnumerable<string> cells) => _text.Append(string.Join(',', cells)).Append("\r\n");
}

/// <summary>A finished export: its file name, bytes and how many data rows it holds.</summary>
public sealed record ExportFile(string FileName, byte[] Content, int Rows);
