using Npgsql;

namespace Booking.Core.Tests;

public enum Storage
{
    Sqlite = 0,
    Postgres = 1,
}

/// <summary>
/// The PostgreSQL server the tests may use, from TEST_POSTGRES (a connection string with rights to create databases).
/// CI always sets it, so there a server that is down fails the tests; locally, without it, they are skipped.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "TEST_POSTGRES";

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => ServerConnectionString is null ? $"{Variable} is not set, so the PostgreSQL tests are skipped" : null;

    /// <summary>A new database name on the server; the migrations create it, <see cref="Database.DropAsync"/> removes it.</summary>
    public static Database NewDatabase()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{Variable} must name a PostgreSQL server for this test (CI sets it).");
        var name = "bookingbot_test_" + Guid.NewGuid().ToString("N");

        // A small pool per database: 50 racing clients queue for connections instead of exhausting the server's.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20, Timeout = 30 };
        return new Database(server, name, builder.ConnectionString);
    }

    public sealed class Database(string server, string name, string connectionString)
    {
        public string Name => name;

        public string ConnectionString => connectionString;

        public async Task DropAsync()
        {
            using (var pooled = new NpgsqlConnection(connectionString))
            {
                NpgsqlConnection.ClearPool(pooled);
            }

            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
