namespace Booking.Core.Features.Settings;

/// <summary>The business rules an admin can change one at a time (A5); each maps to a column of <see cref="Domain.BusinessSettings"/>.</summary>
public enum SettingField
{
    SlotInterval = 0,
    MinNotice = 1,
    Horizon = 2,
    CancellationWindow = 3,
    BookingLimit = 4,
    ReminderOffsets = 5,
    ReviewDelay = 6,
    TimeZone = 7,
    Address = 8,
    PhoneRequest = 9,
    WaitlistLimit = 10,
}

public static class SettingFields
{
    public static IReadOnlyList<SettingField> All { get; } = Enum.GetValues<SettingField>();

    /// <summary>The name in audit actions ("settings.min_notice") and text keys.</summary>
    public static string Name(SettingField field) => field switch
    {
        SettingField.SlotInterval => "slot_interval",
        SettingField.MinNotice => "min_notice",
        SettingField.Horizon => "horizon",
        SettingField.CancellationWindow => "cancellation_window",
        SettingField.BookingLimit => "booking_limit",
        SettingField.ReminderOffsets => "reminder_offsets",
        SettingField.ReviewDelay => "review_delay",
        SettingField.TimeZone => "time_zone",
        SettingField.PhoneRequest => "phone_request",
        SettingField.WaitlistLimit => "waitlist_limit",
        _ => "address",
    };

    /// <summary>Only these two can be emptied: the zone falls back to the start-up TIMEZONE, the address disappears.</summary>
    public static bool CanBeCleared(SettingField field) => field is SettingField.TimeZone or SettingField.Address;
}
