using System.Globalization;

namespace Booking.Web.Panel;

/// <summary>
/// A bar chart drawn on the server as inline SVG: no script, no library, readable without JavaScript and in a
/// screenshot. One bar per day; the day marked as today is outlined; the highest value labels the axis.
/// </summary>
public static class SvgChart
{
    private const int Width = 520;
    private const int Height = 170;
    private const int Left = 36;
    private const int Bottom = 22;
    private const int Top = 10;

    public sealed record Bar(string Label, double Value, bool IsToday, bool IsFuture);

    public static string Bars(string titleHtml, IReadOnlyList<Bar> bars, Func<double, string> format, string color)
    {
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        var scale = max <= 0 ? 1 : max;
        var plotWidth = Width - Left - 6;
        var step = bars.Count == 0 ? plotWidth : (double)plotWidth / bars.Count;
        var plotHeight = Height - Top - Bottom;
        var h = new Html().Raw("<figure class=\"box chart\"><figcaption>").Raw(titleHtml).Raw("</figcaption>")
            .Raw(Invariant($"<svg viewBox=\"0 0 {Width} {Height}\" width=\"100%\" role=\"img\">"))
            .Raw(Invariant($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Width - 6}\" y2=\"{Top + plotHeight}\" stroke=\"#cbd5e1\"/>"))
            .Raw(Invariant($"<text x=\"{Left - 4}\" y=\"{Top + 8}\" text-anchor=\"end\">")).Text(format(max)).Raw("</text>")
            .Raw(Invariant($"<text x=\"{Left - 4}\" y=\"{Top + plotHeight}\" text-anchor=\"end\">0</text>"));
        var labelEvery = Math.Max(1, (int)Math.Ceiling(bars.Count / 10.0));
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var height = bar.Value <= 0 ? 0 : Math.Max(1, bar.Value / scale * plotHeight);
            var x = Left + (i * step) + 1;
            var y = Top + plotHeight - height;
            var stroke = bar.IsToday ? " stroke=\"#111827\" stroke-width=\"1.5\"" : string.Empty;
            var opacity = bar.IsFuture ? "0.45" : "1";
            h.Raw(Invariant($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{Math.Max(1, step - 2):0.#}\" height=\"{Math.Max(height, 0.5):0.#}\" fill=\"{color}\" fill-opacity=\"{opacity}\"{stroke}>"))
                .Raw("<title>").Text(bar.Label + ": " + format(bar.Value)).Raw("</title></rect>");
            if (i % labelEvery == 0)
            {
                h.Raw(Invariant($"<text x=\"{x + (step / 2):0.#}\" y=\"{Height - 6}\" text-anchor=\"middle\">")).Text(bar.Label).Raw("</text>");
            }
        }

        return h.Raw("</svg></figure>").ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
