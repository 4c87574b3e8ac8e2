using Booking.Core.Scheduling;

namespace Booking.Core.Features.Maintenance;

/// <summary>When the daily backup runs: at a local time of day in the business zone, DST handled as for slots.</summary>
public static class BackupSchedule
{
    /// <summary>
    /// The next run after <paramref name="nowUtc"/>. When <paramref name="newestBackupUtc"/> is given and is older
    /// than the most recent scheduled time, that run was missed (the bot was down) and the answer is "now".
    /// </summary>
    public static DateTime NextRunUtc(DateTime nowUtc, TimeOnly dailyAt, TimeZoneInfo zone, DateTime? newestBackupUtc = null)
    {
        var today = LocalTime.Today(nowUtc, zone);
        var todays = LocalTime.ToUtc(today, dailyAt, zone);
        var previous = todays <= nowUtc ? todays : LocalTime.ToUtc(today.AddDays(-1), dailyAt, zone);
        if (newestBackupUtc is { } newest && newest < previous)
        {
            return nowUtc;
        }

        return todays > nowUtc ? todays : LocalTime.ToUtc(today.AddDays(1), dailyAt, zone);
    }
}
