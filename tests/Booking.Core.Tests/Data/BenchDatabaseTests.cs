using System.Data.Common;
using Booking.Bench.Shared;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Scheduling;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Booking.Core.Tests.Data;

/// <summary>
/// The benchmarks' databases (bench/): the history the load harness seeds, and the self-join it reports as "double
/// bookings", must work on both storages. A check that cannot see an overlap would make every "0" it prints worthless.
/// </summary>
public abstract class BenchDatabaseTests(Func<string> spec)
{
    private static readonly DateTime NowUtc = CoreWorld.Now.UtcDateTime;

    /// <summary>Whether the storage lets an overlapping confirmed booking be written past the application.</summary>
    protected abstract bool StorageRefusesOverlap { get; }

    protected abstract Task<bool> StillExistsAsync(IBenchDatabase database);

    [StorageFact]
    public async Task The_seeded_history_has_no_double_booking_and_one_written_on_purpose_is_counted_or_refused()
    {
        await using var database = BenchDatabases.Parse(spec());
        await database.ResetAsync(CancellationToken.None);
        await using (var db = new BookingDb(database.ContextOptions()))
        {
            await db.Database.MigrateAsync();
            await DatabaseSeeder.SeedAsync(db, CancellationToken.None);
            await BenchData.SetUpBusinessAsync(db, CancellationToken.None);
            var history = await BenchData.SeedHistoryAsync(
                db, new HistoryPlan(2_000, FutureFill: 0.5), NowUtc, BusinessZone.Resolve("Europe/Moscow"), CancellationToken.None);

            Assert.Equal(2_000, history.Past + history.Future);
            Assert.InRange(history.Future, 1, 1_000);
            Assert.Equal(2_000, await db.Bookings.CountAsync());
            Assert.Equal(history.Clients, await db.Clients.CountAsync(c => c.FirstName == "Клиент"));
            Assert.Equal(0, await BenchDatabases.CountDoubleBookingsAsync(db, CancellationToken.None));

            // A copy of a confirmed future booking, written with SQL past every check the bot makes.
            var taken = await db.Bookings.Where(b => b.Status == BookingStatus.Confirmed && b.StartUtc > NowUtc)
                .OrderBy(b => b.StartUtc).Select(b => b.Id).FirstAsync();
            var copy = db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Bookings" ("ClientId", "ServiceId", "StartUtc", "DurationMinutes", "EndUtc", "Price", "Currency", "Status", "CreatedUtc", "UpdatedUtc")
                SELECT "ClientId", "ServiceId", "StartUtc", "DurationMinutes", "EndUtc", "Price", "Currency", "Status", "CreatedUtc", "UpdatedUtc"
                FROM "Bookings" WHERE "Id" = {taken}
                """);
            if (StorageRefusesOverlap)
            {
                var refused = await Assert.ThrowsAnyAsync<DbException>(() => copy);
                Assert.Equal(PostgresErrorCodes.ExclusionViolation, refused.SqlState);
                Assert.Equal(0, await BenchDatabases.CountDoubleBookingsAsync(db, CancellationToken.None));
            }
            else
            {
                Assert.Equal(1, await copy);
                Assert.Equal(1, await BenchDatabases.CountDoubleBookingsAsync(db, CancellationToken.None));
            }
        }

        database.ReleaseConnections();
        Assert.True(await StillExistsAsync(database));
        await database.DisposeAsync();
        Assert.False(await StillExistsAsync(database));
    }
}

public sealed class BenchDatabaseOnSqlite() : BenchDatabaseTests(() => "sqlite")
{
    protected override bool StorageRefusesOverlap => false;

    protected override Task<bool> StillExistsAsync(IBenchDatabase database)
    {
        SqliteConnection.ClearAllPools();
        return Task.FromResult(File.Exists(((SqliteBenchDatabase)database).Path));
    }
}

/// <summary>The harness's own database on the test server (<c>--db postgres</c> reads the same TEST_POSTGRES).</summary>
public sealed class BenchDatabaseOnPostgres() : BenchDatabaseTests(() => "postgres"), IRunsOnPostgres
{
    protected override bool StorageRefusesOverlap => true;

    protected override async Task<bool> StillExistsAsync(IBenchDatabase database)
    {
        await using var server = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await server.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_database WHERE datname = @name", server);
        command.Parameters.AddWithValue("name", ((PostgresBenchDatabase)database).Name);
        return (long)(await command.ExecuteScalarAsync())! == 1;
    }
}
