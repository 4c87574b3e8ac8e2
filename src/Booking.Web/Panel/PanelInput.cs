using System.Globalization;

namespace Booking.Web.Panel;

/// <summary>How panel forms and links carry dates: ISO <c>yyyy-MM-dd</c>, as an HTML date input sends them.</summary>
public static class PanelInput
{
    public static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
