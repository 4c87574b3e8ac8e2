using System.Globalization;
using Booking.Core.Data;
using Booking.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Data;

public sealed class SqliteStorageTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bookingbot-core-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Every_connection_has_wal_normal_sync_foreign_keys_a_busy_timeout_and_a_small_page_cache_even_when_reused_from_the_pool()
    {
        var builder = new DbContextOptionsBuilder<BookingDb>();
        SqliteStorage.Configure(builder, SqliteStorage.ConnectionString(Path.Combine(_directory, "pragmas.db")));

        // The second and third contexts get the pooled native connection back, where the settings are not re-applied.
        for (var round = 0; round < 3; round++)
        {
            await using var db = new BookingDb(builder.Options);
            await db.Database.OpenConnectionAsync();
            Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
            Assert.Equal("1", await PragmaAsync(db, "synchronous"));
            Assert.Equal("1", await PragmaAsync(db, "foreign_keys"));
            Assert.Equal("30000", await PragmaAsync(db, "busy_timeout"));
            Assert.Equal("-256", await PragmaAsync(db, "cache_size"));
            await db.Database.CloseConnectionAsync();
        }
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static async Task<string> PragmaAsync(BookingDb db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA " + name;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture)!;
    }
}
