using Booking.Core.Features.Maintenance;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Data.Sqlite.Backups;

public static class BackupServiceCollectionExtensions
{
    /// <summary>Backups of the SQLite file at <paramref name="databasePath"/>: the copier and the on-demand feature.</summary>
    public static IServiceCollection AddSqliteBackups(this IServiceCollection services, string databasePath, BackupOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton<IDatabaseCopier>(new SqliteDatabaseCopier(databasePath));
        services.AddSingleton<BackupDatabase.Handler>();
        return services;
    }
}
