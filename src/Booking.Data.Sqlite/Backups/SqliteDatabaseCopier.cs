using Booking.Core.Features.Maintenance;
using Microsoft.Data.Sqlite;

namespace Booking.Data.Sqlite.Backups;

/// <summary>
/// Copies the live SQLite database with <c>VACUUM INTO</c>: one read transaction, so the copy is a consistent
/// snapshot of committed data while the bot keeps writing (WAL readers never block the writer), and the copy comes
/// out compacted, as one self-contained file. See ADR 0006.
/// </summary>
public sealed class SqliteDatabaseCopier(string databasePath) : IDatabaseCopier
{
    public async Task CopyToAsync(string path, CancellationToken ct)
    {
        await using (var source = await SqliteFiles.OpenAsync(databasePath, SqliteOpenMode.ReadWrite, ct))
        await using (var vacuum = source.CreateCommand())
        {
            vacuum.CommandText = "VACUUM INTO $path";
            vacuum.Parameters.AddWithValue("$path", Path.GetFullPath(path));
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        // A backup is one file: whatever journal mode the copy inherited, it must not need a -wal beside it.
        await using (var copy = await SqliteFiles.OpenAsync(path, SqliteOpenMode.ReadWrite, ct))
        await using (var journal = copy.CreateCommand())
        {
            journal.CommandText = "PRAGMA journal_mode=DELETE";
            await journal.ExecuteNonQueryAsync(ct);
        }

        // SQLite does not sync the file VACUUM INTO writes; a power cut after the rename must not leave a torn backup.
        SqliteFiles.Sync(path);
    }

    public Task<string?> FindDamageAsync(string path, CancellationToken ct) => SqliteFiles.FindDamageAsync(path, ct);
}
