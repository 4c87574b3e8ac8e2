using Booking.Core.Data;
using Booking.Data.Postgres;
using Booking.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Booking.Bench.Shared;

/// <summary>
/// The database a benchmark runs against: a SQLite file, or a database of its own on a PostgreSQL server. Each gives
/// its DATABASE_URL, reset and DbContext options, and every benchmark runs unchanged against either.
/// </summary>
public interface IBenchDatabase : IAsyncDisposable
{
    /// <summary>A name for reports: "sqlite" or "postgres".</summary>
    string Kind { get; }

    /// <summary>What the bot is started with (DATABASE_URL).</summary>
    string DatabaseUrl { get; }

    /// <summary>Drops everything, so the next start creates the schema afresh.</summary>
    Task ResetAsync(CancellationToken ct);

    /// <summary>Options for a DbContext outside the host (micro-benchmarks, seeding, checks).</summary>
    DbContextOptions<BookingDb> ContextOptions();

    /// <summary>Closes the connections this process keeps pooled, so a bot started next is the only client.</summary>
    void ReleaseConnections();
}

public static class BenchDatabases
{
    /// <summary>Where <c>--db postgres</c> finds its server when no connection is given (the tests' variable).</summary>
    public const string PostgresVariable = "TEST_POSTGRES";

    /// <summary>
    /// Parses --db: "sqlite" (a file in a temporary folder), "sqlite:PATH", "postgres" (the server in TEST_POSTGRES),
    /// "postgres:CONNECTION" (an Npgsql connection string) or a postgres:// URL. A PostgreSQL benchmark never touches
    /// the database the connection names: it creates one of its own on that server and drops it at the end.
    /// </summary>
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

        if (spec.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || spec.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresBenchDatabase(PostgresStorage.ConnectionString(spec));
        }

        if (spec.Equals("postgres", StringComparison.OrdinalIgnoreCase))
        {
            var server = Environment.GetEnvironmentVariable(PostgresVariable);
            return string.IsNullOrWhiteSpace(server)
                ? throw new ArgumentException($"--db postgres takes its server from {PostgresVariable}, which is not set: set it, or give --db postgres:CONNECTION.")
                : new PostgresBenchDatabase(PostgresStorage.ConnectionString(server));
        }

        if (spec.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase))
        {
            return new PostgresBenchDatabase(PostgresStorage.ConnectionString(spec["postgres:".Length..]));
        }

        throw new ArgumentException($"--db '{spec}' is not known: use sqlite, sqlite:PATH, postgres, postgres:CONNECTION or a postgres:// URL.");
    }

    /// <summary>
    /// Pairs of active bookings whose half-open intervals overlap: must always be 0 (P3). Each pair is counted once,
    /// from the booking that starts first, so the join is a range seek on (Status, StartUtc) instead of n².
    /// </summary>
    public const string OverlapSql = """
        SELECT COUNT(*) FROM "Bookings" a
        JOIN "Bookings" b ON b."Status" = 0 AND b."StartUtc" >= a."StartUtc" AND b."StartUtc" < a."EndUtc"
            AND b."Id" <> a."Id" AND (b."StartUtc" > a."StartUtc" OR b."Id" > a."Id")
        WHERE a."Status" = 0
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

    public void ReleaseConnections() => Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

    public async ValueTask DisposeAsync() => await ResetAsync(CancellationToken.None);
}

/// <summary>
/// A database of the benchmark's own on a PostgreSQL server (<c>bookingbot_bench_…</c>), created afresh by each reset
/// and dropped at the end; the connection given only says which server, and as whom (a role that may create
/// databases).
/// </summary>
public sealed class PostgresBenchDatabase : IBenchDatabase
{
    private readonly string _server;

    public PostgresBenchDatabase(string serverConnectionString)
    {
        _server = serverConnectionString;
        Name = "bookingbot_bench_" + Guid.NewGuid().ToString("N")[..12];
        ConnectionString = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = Name }.ConnectionString;
    }

    public string Kind => "postgres";

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A connection string: the bot takes one as DATABASE_URL as readily as a postgres:// URL.</summary>
    public string DatabaseUrl => ConnectionString;

    public async Task ResetAsync(CancellationToken ct)
    {
        await DropAsync(ct);
        await ExecuteOnServerAsync($"CREATE DATABASE \"{Name}\"", ct);
    }

    public DbContextOptions<BookingDb> ContextOptions()
    {
        var builder = new DbContextOptionsBuilder<BookingDb>();
        PostgresStorage.Configure(builder, ConnectionString);
        return builder.Options;
    }

    public void ReleaseConnections()
    {
        using var pooled = new NpgsqlConnection(ConnectionString);
        NpgsqlConnection.ClearPool(pooled);
    }

    public async ValueTask DisposeAsync() => await DropAsync(CancellationToken.None);

    private async Task DropAsync(CancellationToken ct)
    {
        ReleaseConnections();
        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", ct);
    }

    private async Task ExecuteOnServerAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
