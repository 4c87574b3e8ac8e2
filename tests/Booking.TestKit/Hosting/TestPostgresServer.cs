using Npgsql;

namespace Booking.TestKit.Hosting;

/// <summary>
/// The PostgreSQL server end-to-end tests may use, from TEST_POSTGRES (a connection string with the right to create
/// databases). Without it the PostgreSQL tests are skipped; CI always sets it.
/// </summary>
public static class TestPostgresServer
{
    public const string Variable = "TEST_POSTGRES";

    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => ConnectionString is null ? $"{Variable} is not set, so the PostgreSQL tests are skipped" : null;

    /// <summary>
    /// A new empty database (the hosts migrate it when they start, as in production), with a connection pool large
    /// enough for fifty clients racing on one host.
    /// </summary>
    public static async Task<Database> CreateDatabaseAsync()
    {
        var server = ConnectionString ?? throw new InvalidOperationException($"{Variable} must name a PostgreSQL server for this test.");
        var name = "bookingbot_e2e_" + Guid.NewGuid().ToString("N");
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 60, Timeout = 30 };
        return new Database(server, name, builder.ConnectionString);
    }

    public sealed class Database(string server, string name, string connectionString) : IAsyncDisposable
    {
        public string Name => name;

        public string ConnectionString => connectionString;

        public async ValueTask DisposeAsync()
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
