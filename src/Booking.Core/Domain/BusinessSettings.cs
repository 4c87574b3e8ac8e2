using Booking.Core.Scheduling;

namespace Booking.Core.Domain;

/// <summary>
/// The business's booking rules: one row, edited by admins (A5), read by every availability check.
/// </summary>
public sealed class BusinessSettings
{
    public const int SingletonId = 1;

    public int Id { get; private set; } = SingletonId;

    /// <summary>Global slot step in minutes (60, 30 or 15); a service may override it.</summary>
    public int SlotIntervalMinutes { get; set; } = 60;

    /// <summary>How long before a slot starts it stops being bookable.</summary>
    public int MinNoticeMinutes { get; set; } = 60;

    /// <summary>How many months after the current one the calendar reaches.</summary>
    public int HorizonMonths { get; set; } = 3;

    /// <summary>Cancel and reschedule are allowed until this many hours before the start.</summary>
    public int CancellationWindowHours { get; set; } = 24;

    public int MaxActiveBookings { get; set; } = 3;

    /// <summary>X4: on how many days at once one client may wait on the waitlist; 0 turns the waitlist off.</summary>
    public int MaxWaits { get; set; } = 3;

    /// <summary>Whether a full day offers its waitlist. Waits made before it was turned off are still served.</summary>
    public bool WaitlistOpen => MaxWaits > 0;

    /// <summary>IANA zone; null means the TIMEZONE the bot was started with.</summary>
    public string? TimeZoneId { get; set; }

    public string? Address { get; set; }

    /// <summary>Reminder offsets before the start, in minutes, comma-separated (used by the reminders feature).</summary>
    public string ReminderOffsetsMinutes { get; set; } = "1440,120,60";

    public int ReviewDelayMinutes { get; set; } = 120;

    /// <summary>C11: whether first-time clients are asked for their phone; off unless an admin turns it on.</summary>
    public PhoneRequest PhoneRequest { get; set; } = PhoneRequest.Off;

    // The rules below are the one place that says which values are acceptable (A5); admin features check them
    // before writing, whatever the setters above would accept.
    public const int MaxNoticeMinutes = 1440;
    public const int MaxHorizonMonths = 12;
    public const int MaxCancellationWindowHours = 168;
    public const int MaxBookingLimit = 20;
    public const int MaxWaitlistLimit = 10;
    public const int MinReminderOffsetMinutes = 5;
    public const int MaxReminderOffsetMinutes = 10080;
    public const int MaxReminders = 5;
    public const int MaxReviewDelayMinutes = 10080;
    public const int MaxAddressLength = 512;
    public const int MaxTimeZoneIdLength = 64;

    public static bool IsValidSlotInterval(int minutes) => Service.SlotIntervals.Contains(minutes);

    public static bool IsValidMinNotice(int minutes) => minutes is >= 0 and <= MaxNoticeMinutes;

    public static bool IsValidHorizon(int months) => months is >= 1 and <= MaxHorizonMonths;

    public static bool IsValidCancellationWindow(int hours) => hours is >= 0 and <= MaxCancellationWindowHours;

    public static bool IsValidBookingLimit(int limit) => limit is >= 1 and <= MaxBookingLimit;

    public static bool IsValidWaitlistLimit(int limit) => limit is >= 0 and <= MaxWaitlistLimit;

    public static bool IsValidReviewDelay(int minutes) => minutes is >= 0 and <= MaxReviewDelayMinutes;

    /// <summary>No reminders at all is allowed; otherwise at most five distinct offsets, each from 5 minutes to a week.</summary>
    public static bool IsValidReminderOffsets(IReadOnlyCollection<int> offsets) =>
        offsets.Count <= MaxReminders
        && offsets.Distinct().Count() == offsets.Count
        && offsets.All(m => m is >= MinReminderOffsetMinutes and <= MaxReminderOffsetMinutes);

    /// <summary>Null (the zone the bot was started with) or an IANA id this machine knows.</summary>
    public static bool IsValidTimeZone(string? id) =>
        id is null
        || (id.Length is > 0 and <= MaxTimeZoneIdLength
            && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '-' or '+')
            && BusinessZone.TryResolve(id, out var zone) && zone!.HasIanaId);

    public static bool IsValidPhoneRequest(PhoneRequest mode) => Enum.IsDefined(mode);

    public static bool IsValidAddress(string? address) => address is null || (address.Length > 0 && address.Length <= MaxAddressLength);
}
