namespace Booking.Bot.Handlers.Admin;

/// <summary>Reads opening hours as admins type them: "09:00-18:00", "9:00 – 18:30", "10-19".</summary>
public static class HoursInput
{
    private static readonly string[] Dashes = ["-", "–", "—"];

    /// <summary>True when both times are readable and closing is after opening.</summary>
    public static bool TryParse(string text, out TimeOnly opens, out TimeOnly closes)
    {
        (opens, closes) = (default, default);
        foreach (var dash in Dashes)
        {
            var parts = text.Split(dash, StringSplitOptions.TrimEntries);
            if (parts.Length == 2 && TryTime(parts[0], out opens) && TryTime(parts[1], out closes))
            {
                return Core.Domain.WorkingDay.IsValidHours(opens, closes);
            }
        }

        return false;
    }

    /// <summary>"9:00", "09.00" or a bare hour "9".</summary>
    private static bool TryTime(string text, out TimeOnly time)
    {
        if (LocalInput.TryTime(text, out time))
        {
            return true;
        }

        var ok = int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hour) && hour is >= 0 and <= 23;
        time = ok ? new TimeOnly(hour, 0) : default;
        return ok;
    }
}
