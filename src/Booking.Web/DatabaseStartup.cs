using System.Data.Common;
using Booking.Core.Data;
using Booking.Core.Features.Texts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace Booking.Web;

/// <summary>
/// Applies migrations and seeds a new database before anything else in the host starts (P2), then loads the admins'
/// text overrides, so the very first message already uses them. On PostgreSQL several instances may start at once on
/// one database: a session-level advisory lock makes them migrate and seed one after the other, and each later one
/// finds nothing left to do.
/// </summary>
public sealed class DatabaseStartup(IServiceScopeFactory scopes, ILogger<DatabaseStartup> logger) : IHostedService
{
    /// <summary>The advisory lock key held while one instance migrates ("Migrate" in ASCII); no other code uses it.</summary>
    public const long PostgresStartupLockKey = 0x4D696772617465;

    private const string DuplicateDatabase = "42P04";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        if (!db.IsPostgres)
        {
            await MigrateAndSeedAsync(db, cancellationToken);
        }
        else
        {
            await CreatePostgresDatabaseAsync(db, cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({PostgresStartupLockKey})", cancellationToken);
                await CreateHistoryTableAsync(db, cancellationToken);
                await MigrateAndSeedAsync(db, cancellationToken);
            }
            finally
            {
                // Closing returns the connection to the pool, whose reset (DISCARD ALL) would free the lock anyway.
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock_all()", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }

        await scope.ServiceProvider.GetRequiredService<TextOverrideCache>().ReloadAsync(db, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The lock needs a connection to the database, so a missing one is created first (as Migrate would).</summary>
    private static async Task CreatePostgresDatabaseAsync(BookingDb db, CancellationToken ct)
    {
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct))
        {
            return;
        }

        try
        {
            await creator.CreateAsync(ct);
        }
        catch (DbException e) when (e.SqlState == DuplicateDatabase)
        {
            // Another instance created it a moment ago.
        }
    }

    /// <summary>
    /// The Npgsql provider finds out that a new database has no migrations history by querying the table and catching
    /// the failure, which EF logs as an error, twice (npgsql/efcore.pg#3407). The provider's own idempotent script
    /// creates the empty table first, so the first start of an install is as quiet as every later one.
    /// </summary>
    private static async Task CreateHistoryTableAsync(BookingDb db, CancellationToken ct) =>
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript(), ct);

    private async Task MigrateAndSeedAsync(BookingDb db, CancellationToken cancellationToken)
    {
        // Only when something is pending: even with nothing to apply, MigrateAsync builds the migrations' model from
        // the snapshot (EF's whole convention machinery), which cost 5 MB of resident set and 0.1 s at every start
        // (ADR 0029).
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {Count} database migration(s): {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync(cancellationToken);
        }

        await DatabaseSeeder.SeedAsync(db, cancellationToken);
    }
}
