using System.Globalization;

namespace Booking.Data.Sqlite.Backups;

/// <summary>
/// Puts a backup in place of the database, for a stopped bot. Nothing is destroyed: the current database (with its
/// -wal, so nothing committed is lost even after a crash) is renamed to <c>&lt;database&gt;.before-restore-&lt;UTC stamp&gt;</c>,
/// its -shm index is dropped (it would describe the old file), and the backup is copied under a temporary name,
/// synced, and renamed into place. The backup file itself is left untouched.
/// </summary>
public static class SqliteRestore
{
    public enum Outcome
    {
        Restored = 0,
        BackupNotFound = 1,
        BackupDamaged = 2,
        NotABookingBackup = 3,
        DatabaseInUse = 4,
    }

    /// <param name="KeptAs">Where the previous database now is, or null when there was none.</param>
    public sealed record Result(Outcome Outcome, string? Problem = null, string? KeptAs = null, long Bookings = 0, long Clients = 0);

    private static readonly string[] Companions = ["-wal", "-journal"];

    public static async Task<Result> RestoreAsync(string databasePath, string backupPath, TimeProvider clock, CancellationToken ct)
    {
        databasePath = Path.GetFullPath(databasePath);
        backupPath = Path.GetFullPath(backupPath);
        if (!File.Exists(backupPath) || backupPath == databasePath)
        {
            return new Result(Outcome.BackupNotFound);
        }

        if (await SqliteFiles.FindDamageAsync(backupPath, ct) is { } damage)
        {
            return new Result(Outcome.BackupDamaged, damage);
        }

        if (!await SqliteFiles.IsBookingDatabaseAsync(backupPath, ct))
        {
            return new Result(Outcome.NotABookingBackup);
        }

        using var held = DatabaseFileLock.TryAcquire(databasePath);
        if (held is null)
        {
            return new Result(Outcome.DatabaseInUse);
        }

        var keptAs = KeepCurrent(databasePath, clock.GetUtcNow().UtcDateTime);
        var incoming = databasePath + ".restoring";
        File.Copy(backupPath, incoming, overwrite: true);
        SqliteFiles.Sync(incoming);
        File.Move(incoming, databasePath, overwrite: true);
        return new Result(
            Outcome.Restored,
            KeptAs: keptAs,
            Bookings: await SqliteFiles.CountAsync(databasePath, "Bookings", ct),
            Clients: await SqliteFiles.CountAsync(databasePath, "Clients", ct));
    }

    /// <summary>Renames the database and its journal aside (together, so SQLite can still open them as a pair).</summary>
    private static string? KeepCurrent(string databasePath, DateTime nowUtc)
    {
        string? keptAs = null;
        if (File.Exists(databasePath))
        {
            keptAs = databasePath + ".before-restore-" + nowUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
            File.Move(databasePath, keptAs);
        }

        foreach (var suffix in Companions)
        {
            var companion = databasePath + suffix;
            if (File.Exists(companion))
            {
                if (keptAs is null)
                {
                    File.Delete(companion);
                }
                else
                {
                    File.Move(companion, keptAs + suffix);
                }
            }
        }

        File.Delete(databasePath + "-shm");
        return keptAs;
    }
}
