using Booking.Core;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Maintenance;
using Booking.Core.Scheduling;

namespace Booking.Web;

/// <summary>
/// P9: the daily backup at BACKUP_TIME in the business time zone (re-read every day, so an admin's zone change
/// applies). A failure is logged and the next day's run tries again; the bot itself never notices. If the newest
/// backup at start is older than the last scheduled time, the bot was down then, and a backup is taken at once.
/// </summary>
public sealed class BackupJob(
    BackupDatabase.Handler backups, BackupOptions options, IServiceScopeFactory scopes, BookingCoreOptions core, TimeProvider clock, ILogger<BackupJob> logger)
    : BackgroundService
{
    private long _nextRunTicks;

    /// <summary>When the job will next run; set only once its timer is armed, so tests may move the clock past it.</summary>
    public DateTime? NextRunUtc => Interlocked.Read(ref _nextRunTicks) is > 0 and var ticks ? new DateTime(ticks, DateTimeKind.Utc) : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var newest = NewestBackupUtc();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var zone = await ZoneAsync(stoppingToken);
                var nowUtc = clock.GetUtcNow().UtcDateTime;
                var next = BackupSchedule.NextRunUtc(nowUtc, options.DailyAt, zone, newest);
                newest = null;
                var wait = Task.Delay(next - nowUtc, clock, stoppingToken);
                Interlocked.Exchange(ref _nextRunTicks, next.Ticks);
                await wait;
                await RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        try
        {
            var result = await backups.HandleAsync(ct);
            if (result.Outcome == BackupDatabase.Outcome.Created)
            {
                logger.LogInformation(
                    "Backup written to {Path} ({Bytes} bytes in {Milliseconds} ms); {Removed} backup(s) past {Days} days removed",
                    result.Backup!.Path, result.Backup.Bytes, (long)result.Took.TotalMilliseconds, result.Removed.Count, options.RetentionDays);
            }
            else
            {
                logger.LogError("Backup failed and the copy was deleted ({Problem}); the next scheduled run tries again", result.Problem);
            }
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogError(e, "Backup failed; the next scheduled run tries again");
        }
    }

    /// <summary>The newest backup's time, for the catch-up check; an unreadable folder must not stop the host.</summary>
    private DateTime? NewestBackupUtc()
    {
        try
        {
            return backups.List() is [var latest, ..] ? latest.TakenUtc : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(e, "Could not list the backups in {Directory}; the next backup runs at the scheduled time", options.Directory);
            return null;
        }
    }

    private async Task<TimeZoneInfo> ZoneAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<ScheduleReader>().ZoneAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Could not read the business time zone; the backup is scheduled in {Zone}", core.DefaultTimeZoneId);
            return BusinessZone.Resolve(core.DefaultTimeZoneId);
        }
    }
}
