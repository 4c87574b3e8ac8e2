using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Data;

public sealed class SqliteWritersTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bookingbot-core-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task One_writer_at_a_time_per_file_and_a_turn_handed_on_once_however_often_it_is_disposed()
    {
        var file = "Data Source=" + Path.Combine(_directory, "a.db");
        var first = await SqliteWriters.WaitAsync(file, CancellationToken.None);
        var second = SqliteWriters.WaitAsync(file, CancellationToken.None).AsTask();
        var third = SqliteWriters.WaitAsync(file, CancellationToken.None).AsTask();
        var otherFile = await SqliteWriters.WaitAsync(file + "-other", CancellationToken.None);

        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        first.Dispose();
        first.Dispose();
        var next = await second.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(50);
        Assert.False(third.IsCompleted);

        next.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
        otherFile.Dispose();
    }

    [Fact]
    public async Task A_save_waits_for_an_open_booking_transaction_of_another_context_and_lands_after_it()
    {
        var builder = new DbContextOptionsBuilder<BookingDb>();
        SqliteStorage.Configure(builder, SqliteStorage.ConnectionString(Path.Combine(_directory, "turns.db")));
        await using (var setup = new BookingDb(builder.Options))
        {
            await setup.Database.MigrateAsync();
        }

        await using var gated = new BookingDb(builder.Options);
        await using var other = new BookingDb(builder.Options);
        var seen = new DateTime(2026, 11, 26, 12, 0, 0, DateTimeKind.Utc);
        Task save;
        await using (var write = await new WriteGate(gated).BeginAsync(CancellationToken.None))
        {
            gated.Clients.Add(new Client(1, "Первый", null, null, "ru", seen));
            other.Clients.Add(new Client(2, "Второй", null, null, "ru", seen));
            save = other.SaveChangesAsync();
            await Task.Delay(100);
            Assert.False(save.IsCompleted);
            Assert.True(await write.TrySaveAndCommitAsync(CancellationToken.None));
        }

        await save.WaitAsync(TimeSpan.FromSeconds(10));
        await using var check = new BookingDb(builder.Options);
        Assert.Equal(2, await check.Clients.CountAsync());
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
