using Booking.Core.Data;
using Booking.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Booking.Bench.Shared;

/// <summary>
/// The database a benchmark runs against. SQLite is the only one today; PostgreSQL plugs in here with its own
/// DATABASE_URL, reset and DbContext options, and every benchmark runs unchanged against it.
/// </summary>
public interface IBenchDatabase
{
    /// <summary>A name for reports: "sqlite", later "postgres".</summary>
    string Kind { get; }

    /// <summary>What the bot is started with (DATABASE_URL).</summary>
    string DatabaseUrl { get; }

    /// <summary>Drops everything, so the next start creates the schema afresh.</summary>
    Task ResetAsync(CancellationToken ct);

    /// <summary>Options for a DbContext outside the host (micro-benchmarks, seeding, checks).</summary>
    DbContextOptions<BookingDb> ContextOptions();
}

public static class BenchDatabases
{
    /// <summary>Parses --db: "sqlite" (a file in a temporary folder) or "sqlite:PATH".</summary>
    public static IBenchDatabase Parse(string? spec)
    {
        spec = string.IsNullOrWhiteSpace(spec) ? "sqlite" : spec.Trim();
        if (spec.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteBenchDatabase(Path.Combine(Path.GetTempPath(), "bookingbot-bench", Guid.NewGuid().ToString("N"), "booking.db"));
        }

        if (spec.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            return new SqliteBenchDatabase(Path.GetFullPath(spec["sqlite:".Length..]));
        }

        throw new ArgumentException($"--db '{spec}' is not supported yet: use sqlite or sqlite:PATH (PostgreSQL arrives with its storage provider).");
    }

    /// <summary>
    /// Pairs of active bookings whose half-open intervals overlap: must always be 0 (P3). Each pair is counted once,
    /// from the booking that starts first, so the join is a range seek on (Status, StartUtc) instead of n².
    /// </summary>
    public const string OverlapSql = """
        SELECT COUNT(*) FROM Bookings a
        JOIN Bookings b ON b.Status = 0 AND b.StartUtc >= a.StartUtc AND b.StartUtc < a.EndUtc
            AND b.Id <> a.Id AND (b.StartUtc > a.StartUtc OR b.Id > a.Id)
        WHERE a.Status = 0
        """;

    public static async Task<long> CountDoubleBookingsAsync(BookingDb db, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = OverlapSql;
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}

public sealed class SqliteBenchDatabase(string path) : IBenchDatabase
{
    public string Kind => "sqlite";

    public string Path { get; } = path;

    public string DatabaseUrl => "sqlite:///" + Path.TrimStart('/');

    public Task ResetAsync(CancellationToken ct)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        return Task.CompletedTask;
    }

    public DbContextOptions<BookingDb> ContextOptions()
    {
        var builder = new DbContextOptionsBuilder<BookingDb>();
        SqliteStorage.Configure(builder, SqliteStorage.ConnectionString(Path));
        return builder.Options;
    }
}
