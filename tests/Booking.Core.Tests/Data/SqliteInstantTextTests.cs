using System.Globalization;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Data;

public sealed class SqliteInstantTextTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bookingbot-core-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("2026-11-26 10:00:00", "2026-11-26T10:00:00.0000000Z")]
    [InlineData("2026-11-26 15:20:04.7893186", "2026-11-26T15:20:04.7893186Z")]
    [InlineData("2026-11-26 15:20:04.5", "2026-11-26T15:20:04.5000000Z")]
    [InlineData("2024-02-29 23:59:59.0000001", "2024-02-29T23:59:59.0000001Z")]
    [InlineData("0001-01-01 00:00:00", "0001-01-01T00:00:00.0000000Z")]
    public void Reads_the_stored_layout_as_a_utc_instant(string stored, string expected)
    {
        var value = SqliteInstantText.Parse(stored);

        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(expected, value.ToString("O", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-11-26T10:00:00")]
    [InlineData("2026-11-26 10:00")]
    [InlineData("2026-11-26")]
    public void Other_layouts_written_by_hand_still_read_as_the_general_parser_reads_them(string stored)
    {
        var expected = DateTime.SpecifyKind(DateTime.Parse(stored, CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.Equal(expected, SqliteInstantText.Parse(stored));
        Assert.Equal(DateTimeKind.Utc, SqliteInstantText.Parse(stored).Kind);
    }

    [Theory]
    [InlineData("2026-02-30 10:00:00")]
    [InlineData("2026-13-01 10:00:00")]
    [InlineData("2026-11-26 24:00:00")]
    [InlineData("not a date")]
    public void An_impossible_value_is_refused_rather_than_misread(string stored) =>
        Assert.Throws<FormatException>(() => SqliteInstantText.Parse(stored));

    [Fact]
    public void Writes_exactly_what_the_driver_writes_so_stored_text_sorts_and_compares_as_before()
    {
        var instant = new DateTime(2026, 11, 26, 9, 5, 3, DateTimeKind.Utc).AddTicks(1_234_500);

        Assert.Equal("2026-11-26 09:05:03.12345", SqliteInstantText.Format(instant));
        Assert.Equal("2026-11-26 09:05:00", SqliteInstantText.Format(new DateTime(2026, 11, 26, 9, 5, 0, DateTimeKind.Utc)));
        Assert.Equal(instant, SqliteInstantText.Parse(SqliteInstantText.Format(instant)));
    }

    [Fact]
    public async Task Instants_keep_their_text_in_the_file_and_come_back_as_utc_through_ef()
    {
        var builder = new DbContextOptionsBuilder<BookingDb>();
        SqliteStorage.Configure(builder, SqliteStorage.ConnectionString(Path.Combine(_directory, "instants.db")));
        var seen = new DateTime(2026, 11, 26, 12, 30, 15, DateTimeKind.Utc).AddTicks(42);
        await using (var db = new BookingDb(builder.Options))
        {
            await db.Database.MigrateAsync();
            db.Clients.Add(new Client(7, "Анна", null, null, "ru", seen));
            await db.SaveChangesAsync();
        }

        await using (var db = new BookingDb(builder.Options))
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            await db.Database.OpenConnectionAsync();
            command.CommandText = "SELECT LastSeenUtc FROM Clients WHERE Id = 7";
            Assert.Equal("2026-11-26 12:30:15.0000042", await command.ExecuteScalarAsync());

            var client = await db.Clients.AsNoTracking().SingleAsync(c => c.LastSeenUtc > seen.AddTicks(-1) && c.LastSeenUtc < seen.AddTicks(1));
            Assert.Equal(seen, client.LastSeenUtc);
            Assert.Equal(DateTimeKind.Utc, client.LastSeenUtc.Kind);
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
}
