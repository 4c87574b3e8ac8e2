using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Maintenance;
using Booking.Data.Sqlite.Backups;
using Booking.TestKit.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Backups;

/// <summary>Backups taken from the running host while it writes, and restored over its database.</summary>
public sealed class BackupConsistencyTests : IAsyncLifetime
{
    /// <summary>Writer-made clients have ids from here up, so they can be told from the seeded ones.</summary>
    private const long FirstWriterClient = 5_000_000;

    private BotScenario _s = null!;
    private long _nextClient = FirstWriterClient;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync();

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private BackupDatabase.Handler Backups => _s.Host.Services.GetRequiredService<BackupDatabase.Handler>();

    /// <summary>One write as the bot makes them: a client, their booking and its history entry, in one transaction.</summary>
    private Task WriteOneAsync() => WriteManyAsync(1);

    /// <summary><paramref name="count"/> clients, each with a booking and its history entry, in one transaction.</summary>
    private Task WriteManyAsync(int count) => _s.Host.DbAsync(async db =>
    {
        var service = await db.Services.AsNoTracking().SingleAsync(s => s.Id == _s.MassageId);
        var now = _s.Clock.GetUtcNow().UtcDateTime;
        for (var i = 0; i < count; i++)
        {
            var id = Interlocked.Increment(ref _nextClient);
            db.Clients.Add(new Client(id, "Client " + id, null, null, "ru", now));
            db.Bookings.Add(Booking.Core.Domain.Booking.Create(id, service, now.AddDays(2).AddMinutes(id % 5000), Actor.Client, id, NotificationPlan.From(new BusinessSettings()), now));
        }

        await db.SaveChangesAsync();
    });

    [Fact]
    public async Task Backups_taken_while_four_writers_book_are_each_a_consistent_snapshot()
    {
        await WriteManyAsync(500);
        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await WriteOneAsync();
                Interlocked.Increment(ref committed);
            }
        })).ToList();

        var backups = new List<BackupFile>();
        for (var i = 0; i < 5; i++)
        {
            // The writers never pause; this only makes sure each backup starts after some more of their commits.
            var target = Volatile.Read(ref committed) + 20;
            while (Volatile.Read(ref committed) < target)
            {
                await Task.Delay(5);
            }

            var result = await Backups.HandleAsync(default);
            Assert.Equal(BackupDatabase.Outcome.Created, result.Outcome);
            backups.Add(result.Backup!);
            _s.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        await stop.CancelAsync();
        await Task.WhenAll(writers);

        var seen = new List<long>();
        foreach (var backup in backups)
        {
            var clients = await DatabaseDump.ScalarAsync(backup.Path, $"SELECT count(*) FROM Clients WHERE Id > {FirstWriterClient}");
            var bookings = await DatabaseDump.ScalarAsync(backup.Path, $"SELECT count(*) FROM Bookings WHERE ClientId > {FirstWriterClient}");
            var history = await DatabaseDump.ScalarAsync(
                backup.Path, $"SELECT count(*) FROM BookingHistory h JOIN Bookings b ON b.Id = h.BookingId WHERE b.ClientId > {FirstWriterClient}");
            Assert.Equal(clients, bookings);
            Assert.Equal(bookings, history);
            Assert.Equal(bookings, await DatabaseDump.ScalarAsync(backup.Path, "SELECT max(Id) FROM Bookings"));
            Assert.Equal(0, await DatabaseDump.ScalarAsync(backup.Path, "SELECT count(*) FROM pragma_foreign_key_check"));
            seen.Add(bookings);
        }

        Assert.True(seen.Zip(seen.Skip(1)).All(p => p.Second > p.First), $"each backup should see more bookings than the one before ({string.Join(", ", seen)})");
        Assert.True(await DatabaseDump.ScalarAsync(_s.DatabasePath, "SELECT count(*) FROM Bookings") > seen[^1]);
    }

    [Fact]
    public async Task A_restored_backup_matches_the_database_at_backup_time_row_for_row_in_every_table()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        await anna.PressAsync("2 🟢");
        await anna.PressAsync("10:00");
        await anna.PressAsync("✅ Подтвердить");
        await WriteManyAsync(50);
        await _s.UpdateSettingsAsync(s => s.Address = "Тверская, 1");
        var atBackup = await DatabaseDump.ReadAsync(_s.DatabasePath);
        var backup = (await Backups.HandleAsync(default)).Backup!;

        await anna.SendTextAsync("/book");
        await WriteManyAsync(10);
        await _s.UpdateSettingsAsync(s => s.Address = "Арбат, 2");
        Assert.NotEqual(atBackup["Bookings"], (await DatabaseDump.ReadAsync(_s.DatabasePath))["Bookings"]);

        await _s.Host.StopAsync();
        SqliteConnection.ClearAllPools();
        var restore = await SqliteRestore.RestoreAsync(_s.DatabasePath, backup.Path, _s.Clock, default);

        Assert.Equal(SqliteRestore.Outcome.Restored, restore.Outcome);
        var restored = await DatabaseDump.ReadAsync(_s.DatabasePath);
        Assert.Superset(
            new HashSet<string> { "Clients", "Services", "Bookings", "BookingHistory", "Settings", "WorkingDays", "SpecialDays", "Blocks", "Conversations", "ProcessedUpdates", "__EFMigrationsHistory" },
            restored.Keys.ToHashSet());
        Assert.Equal(atBackup.Keys, restored.Keys);
        foreach (var (table, rows) in atBackup)
        {
            Assert.True(rows.SequenceEqual(restored[table]), $"table {table} differs after the restore");
        }

        Assert.Equal(51, restore.Bookings);
        Assert.Equal(61, await DatabaseDump.ScalarAsync(restore.KeptAs!, "SELECT count(*) FROM Bookings"));

        await _s.Host.StartAsync();
        await anna.SendTextAsync("/my");
        Assert.Contains("10:00", anna.LastMessage.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_restore_is_refused_while_the_bot_is_running_and_nothing_is_touched()
    {
        await WriteManyAsync(3);
        var backup = (await Backups.HandleAsync(default)).Backup!;
        await WriteManyAsync(2);

        var restore = await SqliteRestore.RestoreAsync(_s.DatabasePath, backup.Path, _s.Clock, default);

        Assert.Equal(SqliteRestore.Outcome.DatabaseInUse, restore.Outcome);
        Assert.Equal(5, await _s.Host.DbAsync(db => db.Bookings.CountAsync()));
        Assert.DoesNotContain(Directory.GetFiles(_s.Folder), f => f.Contains("before-restore", StringComparison.Ordinal));
    }
}
