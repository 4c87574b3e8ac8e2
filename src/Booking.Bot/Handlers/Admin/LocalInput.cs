using System.Globalization;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// Reads dates and times as admins type them, in the business's local calendar: "24.12", "24.12.2026",
/// "2026-12-24", "14:00". A date without a year is the next such date from today.
/// </summary>
public static class LocalInput
{
    private static readonly string[] DateFormats = ["d.M.yyyy", "d.M.yy", "yyyy-M-d", "d/M/yyyy"];
    private static readonly char[] Separators = [' ', '\t', ',', ';'];
    private static readonly string[] RangeDashes = [" - ", " — ", " – ", "-", "—", "–", ".."];

    public static bool TryDate(string text, DateOnly today, out DateOnly date)
    {
        var s = text.Trim().TrimEnd('.');
        if (DateOnly.TryParseExact(s, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return true;
        }

        if (DateOnly.TryParseExact(s + "." + today.Year.ToString(CultureInfo.InvariantCulture), "d.M.yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            date = date < today ? date.AddYears(1) : date;
            return true;
        }

        return false;
    }

    public static bool TryTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text.Trim().Replace('.', ':'), ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>"24.12 14:00" — a date and a start time.</summary>
    public static bool TryDateTime(string text, DateOnly today, out DateOnly date, out TimeOnly time)
    {
        var parts = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        time = default;
        date = default;
        return parts.Length == 2 && TryDate(parts[0], today, out date) && TryTime(parts[1], out time);
    }

    /// <summary>"24.12 - 08.01" or "24.12 08.01": the first and last day, both included; the last may roll into next year.</summary>
    public static bool TryRange(string text, DateOnly today, out DateOnly from, out DateOnly to)
    {
        (from, to) = (default, default);
        string[] parts = [];
        foreach (var dash in RangeDashes)
        {
            parts = text.Split(dash, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length == 2)
            {
                break;
            }
        }

        if (parts.Length != 2)
        {
            parts = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        }

        if (parts.Length != 2 || !TryDate(parts[0], today, out from) || !TryDate(parts[1], from, out to))
        {
            return false;
        }

        return to >= from;
    }
}
