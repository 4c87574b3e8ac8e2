using Booking.Core.Features.Maintenance;
using Booking.Data.Sqlite.Backups;

namespace Booking.Web;

/// <summary>
/// P9 from the command line, run instead of the bot: <c>backup</c> (safe while the bot runs) and
/// <c>restore &lt;backup-file&gt;</c> (only while it is stopped). Each prints one line saying what happened.
/// Exit codes: 0 done, 1 failed, 2 bad usage or settings, 3 refused because the bot is running.
/// </summary>
public static class MaintenanceCommands
{
    /// <summary>The exit code when <paramref name="args"/> name a maintenance command; null to start the bot.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args is not ["backup" or "restore", ..])
        {
            return null;
        }

        BotApp.LoadDotEnv();
        var config = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var (databasePath, backup, errors) = StartupSettings.ReadStorage(config);
        if (databasePath is null)
        {
            foreach (var problem in errors)
            {
                await error.WriteLineAsync("Configuration error: " + problem);
            }

            return 2;
        }

        return args switch
        {
            ["backup"] => await BackupAsync(databasePath, backup, output, error),
            ["restore", var file] => await RestoreAsync(databasePath, file, output, error),
            _ => await UsageAsync(error),
        };
    }

    private static async Task<int> BackupAsync(string databasePath, BackupSettings settings, TextWriter output, TextWriter error)
    {
        if (!File.Exists(databasePath))
        {
            await error.WriteLineAsync($"Backup failed: there is no database at {databasePath}.");
            return 1;
        }

        var options = new BackupOptions { Directory = settings.Directory, RetentionDays = settings.RetentionDays, DailyAt = settings.DailyAt };
        using var handler = new BackupDatabase.Handler(new SqliteDatabaseCopier(databasePath), options, TimeProvider.System);
        try
        {
            var result = await handler.HandleAsync(CancellationToken.None);
            if (result.Backup is not { } file)
            {
                await error.WriteLineAsync($"Backup failed: the copy was damaged and has been deleted ({result.Problem}).");
                return 1;
            }

            await output.WriteLineAsync(
                $"Backup written: {file.Path} ({file.Bytes:N0} bytes in {result.Took.TotalSeconds:0.00} s, integrity ok); "
                + $"{result.Removed.Count} backup(s) older than {settings.RetentionDays} days removed.");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"Backup failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> RestoreAsync(string databasePath, string backupFile, TextWriter output, TextWriter error)
    {
        var result = await SqliteRestore.RestoreAsync(databasePath, backupFile, TimeProvider.System, CancellationToken.None);
        var line = result.Outcome switch
        {
            SqliteRestore.Outcome.Restored =>
                $"Restored {databasePath} from {backupFile} ({result.Bookings} bookings, {result.Clients} clients); "
                + (result.KeptAs is null ? "there was no previous database." : $"the previous database is kept as {result.KeptAs}."),
            SqliteRestore.Outcome.BackupNotFound => $"Restore refused: {backupFile} does not exist or is the database itself; nothing was changed.",
            SqliteRestore.Outcome.BackupDamaged => $"Restore refused: {backupFile} is damaged ({result.Problem}); nothing was changed.",
            SqliteRestore.Outcome.NotABookingBackup => $"Restore refused: {backupFile} is not a BookingBot database; nothing was changed.",
            _ => $"Restore refused: a running bot is using {databasePath}; stop it first (e.g. systemctl stop bookingbot), then restore. Nothing was changed.",
        };
        await (result.Outcome == SqliteRestore.Outcome.Restored ? output : error).WriteLineAsync(line);
        return result.Outcome switch
        {
            SqliteRestore.Outcome.Restored => 0,
            SqliteRestore.Outcome.DatabaseInUse => 3,
            _ => 1,
        };
    }

    private static async Task<int> UsageAsync(TextWriter error)
    {
        await error.WriteLineAsync("Usage: BookingBot backup | BookingBot restore <backup-file>");
        return 2;
    }
}
