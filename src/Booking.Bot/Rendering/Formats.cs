using System.Globalization;
using Booking.Core.Scheduling;

namespace Booking.Bot.Rendering;

/// <summary>How dates, times, durations and prices read in a given language and the business zone.</summary>
public sealed class Formats(Texts.Texts texts, TimeZoneInfo zone)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public TimeZoneInfo Zone => zone;

    public string Duration(int minutes) => texts.Format("format.minutes", ("minutes", minutes));

    public string Price(decimal price, string currency)
    {
        if (price == 0)
        {
            return texts["format.price_free"];
        }

        var number = price.ToString(price == decimal.Truncate(price) ? "#,0" : "#,0.00", Invariant).Replace(",", "\u202F", StringComparison.Ordinal);
        return currency.ToUpperInvariant() switch
        {
            "RUB" => number + " ₽",
            "USD" => "$" + number,
            "EUR" => number + " €",
            _ => number + " " + currency,
        };
    }

    public string Date(DateOnly date) => texts.Format(
        "format.date",
        ("day", date.Day),
        ("month", texts.ListItem("format.months", date.Month - 1)),
        ("weekday", texts.ListItem("format.weekdays", Weekday(date))));

    public string Date(DateTime utc) => Date(DateOnly.FromDateTime(LocalTime.ToLocal(utc, zone)));

    public string Time(DateTime utc) => LocalTime.ToLocal(utc, zone).ToString("HH:mm", Invariant);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", Invariant);

    public string DateTime(DateTime utc) => Date(utc) + ", " + Time(utc);

    public string MonthTitle(DateOnly month) => texts.ListItem("format.month_names", month.Month - 1) + " " + month.Year.ToString(Invariant);

    public string WeekdayShort(int mondayBased) => texts.ListItem("format.weekdays_short", mondayBased);

    public string Relative(DateTime utc, DateOnly today)
    {
        var days = DateOnly.FromDateTime(LocalTime.ToLocal(utc, zone)).DayNumber - today.DayNumber;
        return days switch
        {
            0 => texts["relative.today"],
            1 => texts["relative.tomorrow"],
            _ => texts.Format("relative.in_days", ("days", days)),
        };
    }

    /// <summary>
    /// An average rating to one decimal, with the language's decimal separator: "4,7" / "4.7". Written out rather than
    /// taken from a culture: the host runs without ICU's culture data (invariant globalization, ADR 0029).
    /// </summary>
    public string Rating(double rating)
    {
        var text = rating.ToString("0.0", Invariant);
        return texts.Language == Core.Domain.Languages.Russian ? text.Replace('.', ',') : text;
    }

    /// <summary>A time span as people say it after "in": "2 часа", "1 час 30 минут", "45 minutes" (to 5 minutes).</summary>
    public string Span(TimeSpan span)
    {
        var minutes = Math.Max(5, (int)Math.Round(span.TotalMinutes / 5) * 5);
        var (h, m) = (minutes / 60, minutes % 60);
        var hours = h > 0 ? h.ToString(Invariant) + " " + Plural("plural.hours", h) : null;
        var rest = m > 0 ? m.ToString(Invariant) + " " + Plural("plural.minutes", m) : null;
        return string.Join(" ", new[] { hours, rest }.Where(p => p is not null));
    }

    /// <summary>Picks "one, few, many" forms by Russian rules; English uses "one" and "many".</summary>
    public string Plural(string key, int n)
    {
        var forms = texts[key].Split(',');
        var (n10, n100) = (n % 10, n % 100);
        var index = n10 == 1 && n100 != 11 ? 0 : n10 is >= 2 and <= 4 && n100 is < 12 or > 14 ? 1 : 2;
        return forms[Math.Min(index, forms.Length - 1)].Trim();
    }

    /// <summary>Monday = 0 … Sunday = 6.</summary>
    public static int Weekday(DateOnly date) => ((int)date.DayOfWeek + 6) % 7;
}
