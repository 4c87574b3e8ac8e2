using Booking.Core.Features.Maintenance;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Features.Maintenance;

public sealed class BackupScheduleTests
{
    private static readonly TimeZoneInfo Moscow = BusinessZone.Resolve("Europe/Moscow");
    private static readonly TimeZoneInfo Berlin = BusinessZone.Resolve("Europe/Berlin");
    private static readonly TimeOnly HalfPastThree = new(3, 30);

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void Before_the_local_time_the_run_is_today_at_that_time_in_the_business_zone()
    {
        // 00:00 in Moscow is 21:00 UTC the day before; 03:30 Moscow is 00:30 UTC.
        var next = BackupSchedule.NextRunUtc(Utc(11, 30, 21), HalfPastThree, Moscow);

        Assert.Equal(Utc(12, 1, 0, 30), next);
    }

    [Fact]
    public void At_or_after_the_local_time_the_run_is_tomorrow()
    {
        Assert.Equal(Utc(12, 2, 0, 30), BackupSchedule.NextRunUtc(Utc(12, 1, 0, 30), HalfPastThree, Moscow));
        Assert.Equal(Utc(12, 2, 0, 30), BackupSchedule.NextRunUtc(Utc(12, 1, 6), HalfPastThree, Moscow));
    }

    [Fact]
    public void The_same_local_time_follows_berlin_across_the_change_to_summer_time()
    {
        Assert.Equal(Utc(3, 28, 2, 30), BackupSchedule.NextRunUtc(Utc(3, 28, 0), HalfPastThree, Berlin));
        Assert.Equal(Utc(3, 29, 1, 30), BackupSchedule.NextRunUtc(Utc(3, 28, 12), HalfPastThree, Berlin));
    }

    [Fact]
    public void A_time_skipped_by_the_spring_gap_runs_just_after_the_gap_and_a_repeated_autumn_time_runs_once()
    {
        var twoThirty = new TimeOnly(2, 30);

        // 29 March 2026: Berlin jumps from 02:00 to 03:00, so 02:30 does not exist; it is read as 03:30 CEST.
        Assert.Equal(Utc(3, 29, 1, 30), BackupSchedule.NextRunUtc(Utc(3, 28, 12), twoThirty, Berlin));

        // 25 October 2026: 02:30 happens twice; the first (summer time, UTC+2) is the run, and the second is not another.
        var autumn = BackupSchedule.NextRunUtc(Utc(10, 24, 12), twoThirty, Berlin);
        Assert.Equal(Utc(10, 25, 0, 30), autumn);
        Assert.Equal(Utc(10, 26, 1, 30), BackupSchedule.NextRunUtc(autumn, twoThirty, Berlin));
    }

    [Fact]
    public void A_missed_run_is_caught_up_at_once_and_a_recent_backup_means_waiting_for_the_next_time()
    {
        var now = Utc(12, 1, 6);

        Assert.Equal(now, BackupSchedule.NextRunUtc(now, HalfPastThree, Moscow, newestBackupUtc: Utc(11, 30, 0, 30)));
        Assert.Equal(Utc(12, 2, 0, 30), BackupSchedule.NextRunUtc(now, HalfPastThree, Moscow, newestBackupUtc: Utc(12, 1, 0, 30)));
    }
}
