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

    /// <summary>IANA zone; null means the TIMEZONE the bot was started with.</summary>
    public string? TimeZoneId { get; set; }

    public string? Address { get; set; }

    /// <summary>Reminder offsets before the start, in minutes, comma-separated (used by the reminders feature).</summary>
    public string ReminderOffsetsMinutes { get; set; } = "1440,120,60";

    public int ReviewDelayMinutes { get; set; } = 120;
}
