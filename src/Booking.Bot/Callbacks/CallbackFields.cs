using System.Globalization;

namespace Booking.Bot.Callbacks;

/// <summary>
/// The field formats callback data share — ids, pages, months, days and instants — parsed strictly in one place, so a
/// client's button and an admin's button can never disagree on what a well-formed value is.
/// </summary>
internal static class CallbackFields
{
    /// <summary>A positive database id.</summary>
    internal static int? Id(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    /// <summary>A page number of a list screen.</summary>
    internal static int? Page(string s) =>
        s.Length <= 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    /// <summary>yyyyMM, the first day of that month.</summary>
    internal static DateOnly? Month(string s) =>
        s.Length == 6 && DateOnly.TryParseExact(s + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>yyyyMMdd.</summary>
    internal static DateOnly? Day(string s) =>
        DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>yyyyMMddHHmm in UTC.</summary>
    internal static DateTime? Instant(string s) =>
        DateTime.TryParseExact(s, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d)
            ? DateTime.SpecifyKind(d, DateTimeKind.Utc)
            : null;
}
