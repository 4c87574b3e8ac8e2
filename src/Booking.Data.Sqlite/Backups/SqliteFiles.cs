using Microsoft.Data.Sqlite;

namespace Booking.Data.Sqlite.Backups;

/// <summary>Opening and checking SQLite files outside the bot's connection pool, so no handle outlives the work.</summary>
internal static class SqliteFiles
{
    public static async Task<SqliteConnection> OpenAsync(string path, SqliteOpenMode mode, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = 30,
        }.ToString());
        await connection.OpenAsync(ct);
        return connection;
    }

    /// <summary>Null when <c>PRAGMA integrity_check</c> says "ok"; otherwise its first findings or the open error.</summary>
    public static async Task<string?> FindDamageAsync(string path, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA integrity_check(10)";
            var findings = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                findings.Add(reader.GetString(0));
            }

            return findings is ["ok"] ? null : "integrity check: " + string.Join("; ", findings);
        }
        catch (SqliteException e)
        {
            return "integrity check: " + e.Message;
        }
    }

    /// <summary>True when the file holds the bot's schema (migration history and bookings), not just any database.</summary>
    public static async Task<bool> IsBookingDatabaseAsync(string path, CancellationToken ct)
    {
        await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Bookings')";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture) == 2;
    }

    public static async Task<long> CountAsync(string path, string table, CancellationToken ct)
    {
        await using var connection = await OpenAsync(path, SqliteOpenMode.ReadOnly, ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Flushes a file to the disk: a rename must never publish data that is still only in the page cache.</summary>
    public static void Sync(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        stream.Flush(flushToDisk: true);
    }
}
