using Booking.Core.Features.Maintenance;
using Booking.Data.Sqlite.Backups;

namespace Booking.Web;

public static class BackupHosting
{
    /// <summary>The on-demand backup feature always; the daily job unless BACKUP_ENABLED is false.</summary>
    public static IServiceCollection AddBackups(this IServiceCollection services, StartupSettings settings)
    {
        var backup = settings.Backup;
        services.AddSqliteBackups(
            settings.DatabaseTarget,
            new BackupOptions { Directory = backup.Directory, RetentionDays = backup.RetentionDays, DailyAt = backup.DailyAt });
        if (backup.Enabled)
        {
            services.AddSingleton<BackupJob>();
            services.AddHostedService(sp => sp.GetRequiredService<BackupJob>());
        }

        return services;
    }
}
