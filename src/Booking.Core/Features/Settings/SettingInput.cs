using System.Globalization;
using Booking.Core.Domain;

namespace Booking.Core.Features.Settings;

/// <summary>
/// A5: reads what an admin types for a setting and says whether it is acceptable, by the rules of
/// <see cref="BusinessSettings"/>. The value comes out typed (an int, a string, or null for "cleared"). Nothing is saved.
/// </summary>
public static class SettingInput
{
    /// <summary>What an admin types to clear the address or to have no reminders.</summary>
    public const string Clear = "-";

    /// <param name="text">The typed answer; null asks to clear a field that can be cleared.</param>
    public static bool TryRead(SettingField field, string? text, out object? value)
    {
        value = null;
        if (text is null)
        {
            return SettingFields.CanBeCleared(field);
        }

        var s = text.Trim();
        switch (field)
        {
            case SettingField.ReminderOffsets:
                var ok = TryOffsets(s, out var offsets);
                value = offsets;
                return ok;
            case SettingField.TimeZone:
                value = s;
                return BusinessSettings.IsValidTimeZone(s);
            case SettingField.Address:
                value = IsClear(s) ? null : s;
                return BusinessSettings.IsValidAddress((string?)value);
            case SettingField.PhoneRequest:
                var known = TryPhoneRequest(s, out var mode);
                value = mode;
                return known;
            default:
                var number = int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
                value = number;
                return IsValidNumber(field, number);
        }
    }

    /// <summary>"1440, 120, 60" → "1440,120,60" (largest first); "-" → "" (no reminders). Anything else unreadable is refused.</summary>
    public static bool TryOffsets(string text, out string normalized)
    {
        normalized = string.Empty;
        if (IsClear(text.Trim()))
        {
            return true;
        }

        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var minutes = new List<int>(parts.Length);
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var m))
            {
                return false;
            }

            minutes.Add(m);
        }

        if (!BusinessSettings.IsValidReminderOffsets(minutes))
        {
            return false;
        }

        normalized = string.Join(',', minutes.OrderDescending().Select(m => m.ToString(CultureInfo.InvariantCulture)));
        return true;
    }

    /// <summary>"off", "optional" or "required" (any case), or the stored number 0–2.</summary>
    public static bool TryPhoneRequest(string text, out PhoneRequest mode)
    {
        mode = PhoneRequest.Off;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            mode = (PhoneRequest)n;
            return BusinessSettings.IsValidPhoneRequest(mode);
        }

        return text.All(char.IsAsciiLetter) && Enum.TryParse(text, ignoreCase: true, out mode) && BusinessSettings.IsValidPhoneRequest(mode);
    }

    /// <summary>The word an admin may type for the mode, as the audit log records it.</summary>
    public static string Name(PhoneRequest mode) => mode switch
    {
        PhoneRequest.Optional => "optional",
        PhoneRequest.Required => "required",
        _ => "off",
    };

    private static bool IsValidNumber(SettingField field, int n) => n >= 0 && field switch
    {
        SettingField.SlotInterval => BusinessSettings.IsValidSlotInterval(n),
        SettingField.MinNotice => BusinessSettings.IsValidMinNotice(n),
        SettingField.Horizon => BusinessSettings.IsValidHorizon(n),
        SettingField.CancellationWindow => BusinessSettings.IsValidCancellationWindow(n),
        SettingField.BookingLimit => BusinessSettings.IsValidBookingLimit(n),
        SettingField.WaitlistLimit => BusinessSettings.IsValidWaitlistLimit(n),
        SettingField.ReviewDelay => BusinessSettings.IsValidReviewDelay(n),
        _ => false,
    };

    private static bool IsClear(string s) => s is Clear or "—" or "–";
}
