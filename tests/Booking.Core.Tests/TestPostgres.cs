using System.Security.Cryptography;
using System.Text;
using Booking.Core.Data;
using Booking.Data.Postgres;
using Microsoft.EntityFrameworkCore;
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
/// <remarks>
/// Each test gets a database of its own, copied from a migrated template (CREATE DATABASE … TEMPLATE): running the
/// migrations for every test took most of a PostgreSQL test's time. The template is named after the migrations it
/// holds, so a new migration makes a new template, and it is kept on the server for the next run.
/// </remarks>
public static class TestPostgres
{
    public const string Variable = "TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateOnce = new(1, 1);
    private static string? _template;

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => ServerConnectionString is null ? $"{Variable} is not set, so the PostgreSQL tests are skipped" : null;

    /// <summary>A new, migrated database on the server; <see cref="Database.DropAsync"/> removes it.</summary>
    public static async Task<Database> NewDatabaseAsync()
    {
        var server = ServerConnectionString
            ?? throw new InvalidOperationException($"{Variable} must name a PostgreSQL server for this test (CI sets it).");
        var template = await TemplateAsync(server);
        var name = "bookingbot_test_" + Guid.NewGuid().ToString("N");
        await ExecuteWithRetryAsync(server, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");

        // A small pool per database: 50 racing clients queue for connections instead of exhausting the server's.
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 20, Timeout = 30 };
        return new Database(server, name, builder.ConnectionString);
    }

    private static async Task<string> TemplateAsync(string server)
    {
        await TemplateOnce.WaitAsync();
        try
        {
            return _template ??= await EnsureTemplateAsync(server);
        }
        finally
        {
            TemplateOnce.Release();
        }
    }

    /// <summary>Creates the template under a temporary name and renames it when migrated, so a half-made one is never used.</summary>
    private static async Task<string> EnsureTemplateAsync(string server)
    {
        var options = new DbContextOptionsBuilder<BookingDb>();
        PostgresStorage.Configure(options, server);
        string[] migrations;
        await using (var probe = new BookingDb(options.Options))
        {
            migrations = probe.Database.GetMigrations().ToArray();
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', migrations))))[..16];
        var name = "bookingbot_template_ru_" + hash;

        // Unpooled: a session lock must go with the connection, not linger in a pool.
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
        await admin.OpenAsync();

        // Test processes run in parallel: one makes the template, the others wait for it.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext('bookingbot test template'))", admin))
        {
            await lockCommand.ExecuteNonQueryAsync();
        }

        await using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", admin);
        exists.Parameters.AddWithValue("name", name);
        if ((long)(await exists.ExecuteScalarAsync())! == 0)
        {
            var building = name + "_building";
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{building}\" WITH (FORCE)");
            await CreateLinguisticAsync(admin, building);
            var target = new NpgsqlConnectionStringBuilder(server) { Database = building, Pooling = false }.ConnectionString;
            var migrate = new DbContextOptionsBuilder<BookingDb>();
            PostgresStorage.Configure(migrate, target);
            await using (var db = new BookingDb(migrate.Options))
            {
                await db.Database.MigrateAsync();
            }

            await ExecuteAsync(admin, $"ALTER DATABASE \"{building}\" RENAME TO \"{name}\"");
        }

        await ExecuteAsync(admin, "SELECT pg_advisory_unlock(hashtext('bookingbot test template'))");
        return name;
    }

    /// <summary>
    /// A Russian business's server sorts and compares text by language rules (ru_RU, case-insensitive at first level),
    /// not bytewise as SQLite does: the tests run on such a database so that any reliance on SQLite's order shows.
    /// A server built without ICU gets its default collation instead.
    /// </summary>
    private static async Task CreateLinguisticAsync(NpgsqlConnection admin, string name)
    {
        try
        {
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE 'ru-RU' LOCALE 'C.UTF-8'");
        }
        catch (PostgresException)
        {
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        }
    }

    // Copying a template fails while anything else is connected to it, e.g. a parallel copy just finishing.
    private static async Task ExecuteWithRetryAsync(string server, string sql)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var admin = new NpgsqlConnection(server);
                await admin.OpenAsync();
                await ExecuteAsync(admin, sql);
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 20)
            {
                await Task.Delay(50 * attempt);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
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
