using Booking.Bot.Rendering;
using Booking.Core.Features.Texts;

namespace Booking.Bot.Texts;

/// <summary>Fills a text with plausible values for its preview (A10), so the admin sees it as a client would.</summary>
public static class TextSamples
{
    private static readonly string[] Numbers =
        ["count", "visits", "limit", "index", "minutes", "hours", "seconds", "rows", "total", "free", "percent", "page", "pages",
         "position", "days", "bookings", "upcoming", "completed", "cancelled", "confirmed", "no_shows", "new", "active", "id"];

    public static string Render(string template, Texts t, TimeZoneInfo zone, DateTime nowUtc)
    {
        var f = new Formats(t, zone);
        var visit = nowUtc.Date.AddDays(1).AddHours(7);
        var known = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["name"] = t["texts.sample_name"],
            ["client"] = t["texts.sample_name"],
            ["query"] = t["texts.sample_name"],
            ["service"] = t["texts.sample_service"],
            ["date"] = f.Date(visit),
            ["time"] = f.Time(visit),
            ["duration"] = f.Duration(60),
            ["price"] = f.Price(2500m, "RUB"),
            ["relative"] = t["relative.tomorrow"],
            ["span"] = f.Span(TimeSpan.FromHours(2)),
            ["stars"] = "⭐⭐⭐⭐⭐",
            ["rating"] = f.Rating(4.8),
            ["waitlist"] = new Raw("\n" + t["help.waitlist_line"]),
        };
        var args = TextTemplate.Placeholders(template)
            .Select(n => (n, known.TryGetValue(n, out var v) ? v : Numbers.Contains(n) ? (object)3 : "‹" + n + "›"))
            .ToArray();
        return Texts.Fill(template, args);
    }
}
