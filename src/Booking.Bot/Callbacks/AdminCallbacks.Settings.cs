using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Settings;

namespace Booking.Bot.Callbacks;

/// <summary>
/// A5: the buttons of the settings section ("a:set…", "a:wd…", "a:hol…"). All of them need
/// <see cref="Permission.ManageSettings"/>, which only super admins have.
/// </summary>
public abstract record SettingsCallback : AdminCallback
{
    public sealed override Permission Required => Permission.ManageSettings;

    internal static new SettingsCallback? Parse(string[] parts) => parts switch
    {
        ["a", "set"] => new OpenSettings(),
        ["a", "sete", var f] when Field(f) is { } field => new EditSetting(field),
        ["a", "seti", var m] when Number(m) is { } minutes && BusinessSettings.IsValidSlotInterval(minutes) => new PickSlotInterval(minutes),
        ["a", "setz"] => new ResetTimeZone(),
        ["a", "setp", var m] when Number(m) is { } mode && BusinessSettings.IsValidPhoneRequest((PhoneRequest)mode) => new PickPhoneRequest((PhoneRequest)mode),
        ["a", "wd"] => new OpenWeek(),
        ["a", "wd", var d] when Weekday(d) is { } day => new OpenWeekday(day),
        ["a", "wdh", var d] when Weekday(d) is { } day => new EditWeekdayHours(day),
        ["a", "wdx", var d] when Weekday(d) is { } day => new CloseWeekday(day),
        ["a", "hol"] => new OpenSpecialDays(),
        ["a", "holn"] => new AddSpecialDay(),
        ["a", "holc"] => new SpecialDayClosed(),
        ["a", "holx", var d] when Date(d) is { } date => new DropSpecialDay(date),
        _ => null,
    };

    internal static string Code(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static int? Number(string s) =>
        s.Length <= 3 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static SettingField? Field(string s) => Number(s) is { } n && Enum.IsDefined((SettingField)n) ? (SettingField)n : null;

    private static DayOfWeek? Weekday(string s) => s.Length == 1 && s[0] is >= '0' and <= '6' ? (DayOfWeek)(s[0] - '0') : null;

    private static DateOnly? Date(string s) =>
        DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}

/// <summary>The settings overview: every rule with its value and a button to change it.</summary>
public sealed record OpenSettings : SettingsCallback
{
    public override string Format() => "a:set";
}

/// <summary>Asks for a new value of one setting (the slot interval is picked with buttons instead).</summary>
public sealed record EditSetting(SettingField Field) : SettingsCallback
{
    public override string Format() => $"a:sete:{(int)Field}";
}

public sealed record PickSlotInterval(int Minutes) : SettingsCallback
{
    public override string Format() => $"a:seti:{Minutes}";
}

/// <summary>Clears the time zone set in the bot, so the start-up TIMEZONE applies again.</summary>
public sealed record ResetTimeZone : SettingsCallback
{
    public override string Format() => "a:setz";
}

/// <summary>C11: whether first-time clients are asked for their phone, tapped rather than typed.</summary>
public sealed record PickPhoneRequest(PhoneRequest Mode) : SettingsCallback
{
    public override string Format() => $"a:setp:{(int)Mode}";
}

/// <summary>The weekly hours, one button per weekday.</summary>
public sealed record OpenWeek : SettingsCallback
{
    public override string Format() => "a:wd";
}

public sealed record OpenWeekday(DayOfWeek Day) : SettingsCallback
{
    public override string Format() => $"a:wd:{(int)Day}";
}

/// <summary>Asks for the weekday's hours as "09:00-18:00"; answering opens a day off.</summary>
public sealed record EditWeekdayHours(DayOfWeek Day) : SettingsCallback
{
    public override string Format() => $"a:wdh:{(int)Day}";
}

/// <summary>Makes the weekday a day off.</summary>
public sealed record CloseWeekday(DayOfWeek Day) : SettingsCallback
{
    public override string Format() => $"a:wdx:{(int)Day}";
}

/// <summary>Holidays and special hours from today on.</summary>
public sealed record OpenSpecialDays : SettingsCallback
{
    public override string Format() => "a:hol";
}

/// <summary>Asks for the date of a new holiday or special hours.</summary>
public sealed record AddSpecialDay : SettingsCallback
{
    public override string Format() => "a:holn";
}

/// <summary>Closes the date being added for the whole day; a tap with no date being added shows the list.</summary>
public sealed record SpecialDayClosed : SettingsCallback
{
    public override string Format() => "a:holc";
}

/// <summary>The date goes back to its weekday's regular hours.</summary>
public sealed record DropSpecialDay(DateOnly Date) : SettingsCallback
{
    public override string Format() => $"a:holx:{Code(Date)}";
}
