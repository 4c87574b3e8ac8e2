using System.Diagnostics;
using System.Security.Cryptography;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Data.Sqlite;
using Booking.Data.Sqlite.Backups;
using Booking.Web;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Tests.Backups;

/// <summary>The built executable's backup and restore commands, run as an operator would from a shell.</summary>
public sealed class MaintenanceCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("bookingbot-restore-").FullName;

    private string DatabasePath => Path.Combine(_directory, "data", "booking.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private async Task<(int ExitCode, string[] StdOut, string[] StdErr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [typeof(BotApp).Assembly.Location, .. args])
        {
            WorkingDirectory = _directory,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        foreach (var name in new[] { "BOT_TOKEN", "ADMIN_IDS", "TIMEZONE", "DATABASE_URL", "TELEGRAM_API_URL", "BACKUP_DIR", "BACKUP_TIME", "BACKUP_ENABLED", "BACKUP_RETENTION_DAYS" })
        {
            start.Environment.Remove(name);
        }

        start.Environment["DATABASE_URL"] = "sqlite:data/booking.db";
        start.Environment["BOT_TOKEN"] = "123:abc";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (process.ExitCode, Lines(await stdout), Lines(await stderr));
    }

    /// <summary>A database made by the bot's own migrations and seed, plus <paramref name="bookings"/> bookings.</summary>
    private async Task AddBookingsAsync(int bookings, bool create = false)
    {
        var options = new DbContextOptionsBuilder<BookingDb>();
        SqliteStorage.Configure(options, SqliteStorage.ConnectionString(DatabasePath));
        await using (var db = new BookingDb(options.Options))
        {
            if (create)
            {
                await db.Database.MigrateAsync();
                await DatabaseSeeder.SeedAsync(db, CancellationToken.None);
            }

            var service = await db.Services.FirstAsync();
            var now = new DateTime(2026, 12, 1, 6, 0, 0, DateTimeKind.Utc);
            var first = await db.Clients.CountAsync() + 1;
            for (var id = first; id < first + bookings; id++)
            {
                db.Clients.Add(new Client(id, "Client " + id, null, null, "ru", now));
                db.Bookings.Add(Booking.Core.Domain.Booking.Create(id, service, now.AddDays(1).AddHours(id), Actor.Client, id, NotificationPlan.From(new BusinessSettings()), now));
            }

            await db.SaveChangesAsync();
        }

        SqliteConnection.ClearAllPools();
    }

    private async Task<string> BackupFileAsync()
    {
        var path = Path.Combine(_directory, "copy.db");
        await new SqliteDatabaseCopier(DatabasePath).CopyToAsync(path, default);
        return path;
    }

    private byte[] DatabaseHash() => SHA256.HashData(File.ReadAllBytes(DatabasePath));

    [Fact]
    public async Task Backup_then_restore_brings_back_every_row_as_it_was_and_keeps_the_database_it_replaced()
    {
        await AddBookingsAsync(3, create: true);

        var (backupExit, backupOut, _) = await RunAsync("backup");

        Assert.Equal(0, backupExit);
        var written = Assert.Single(backupOut);
        Assert.StartsWith("Backup written: data/backups/booking-", written, StringComparison.Ordinal);
        var backup = Assert.Single(Directory.GetFiles(Path.Combine(_directory, "data", "backups")));
        var atBackup = await DatabaseDump.ReadAsync(backup);

        await AddBookingsAsync(2);
        await File.WriteAllBytesAsync(DatabasePath + "-shm", new byte[32768]); // a stale index that must not survive
        var (exitCode, stdout, stderr) = await RunAsync("restore", Path.GetRelativePath(_directory, backup));

        Assert.Equal(0, exitCode);
        Assert.Empty(stderr);
        var line = Assert.Single(stdout);
        Assert.StartsWith("Restored data/booking.db from data/backups/booking-", line, StringComparison.Ordinal);
        Assert.Contains("(3 bookings, 3 clients); the previous database is kept as ", line, StringComparison.Ordinal);
        var restored = await DatabaseDump.ReadAsync(DatabasePath);
        Assert.Equal(atBackup.Keys, restored.Keys);
        Assert.All(atBackup, table => Assert.Equal(table.Value, restored[table.Key]));
        Assert.False(File.Exists(DatabasePath + "-shm"));
        Assert.False(File.Exists(DatabasePath + "-wal"));
        var kept = Assert.Single(Directory.GetFiles(Path.Combine(_directory, "data"), "booking.db.before-restore-*"));
        Assert.EndsWith(Path.GetFileName(kept) + ".", line, StringComparison.Ordinal);
        Assert.Equal(5, await DatabaseDump.ScalarAsync(kept, "SELECT count(*) FROM Bookings"));
    }

    [Fact]
    public async Task A_damaged_backup_is_refused_and_the_database_is_left_as_it_was()
    {
        await AddBookingsAsync(3, create: true);
        var backup = await BackupFileAsync();
        await using (var file = new FileStream(backup, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = file.Length / 2;
            await file.WriteAsync(Enumerable.Repeat((byte)0x5A, 8192).ToArray());
        }

        var before = DatabaseHash();

        var (exitCode, stdout, stderr) = await RunAsync("restore", "copy.db");

        Assert.Equal(1, exitCode);
        Assert.Empty(stdout);
        Assert.StartsWith("Restore refused: copy.db is damaged (integrity check:", Assert.Single(stderr), StringComparison.Ordinal);
        Assert.Equal(before, DatabaseHash());
        Assert.Empty(Directory.GetFiles(Path.Combine(_directory, "data"), "*before-restore*"));
    }

    [Fact]
    public async Task A_database_that_is_not_the_bots_is_refused()
    {
        await AddBookingsAsync(1, create: true);
        await using (var other = new SqliteConnection($"Data Source={Path.Combine(_directory, "other.db")};Pooling=False"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();
            command.CommandText = "CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('hello');";
            await command.ExecuteNonQueryAsync();
        }

        var before = DatabaseHash();

        var (exitCode, _, stderr) = await RunAsync("restore", "other.db");

        Assert.Equal(1, exitCode);
        Assert.Equal("Restore refused: other.db is not a BookingBot database; nothing was changed.", Assert.Single(stderr));
        Assert.Equal(before, DatabaseHash());
    }

    [Fact]
    public async Task A_restore_is_refused_while_a_bot_holds_the_database()
    {
        await AddBookingsAsync(2, create: true);
        var backup = await BackupFileAsync();
        var before = DatabaseHash();
        using var runningBot = DatabaseFileLock.TryAcquire(DatabasePath);
        Assert.NotNull(runningBot);

        var (exitCode, _, stderr) = await RunAsync("restore", Path.GetFileName(backup));

        Assert.Equal(3, exitCode);
        Assert.Contains("a running bot is using data/booking.db; stop it first", Assert.Single(stderr), StringComparison.Ordinal);
        Assert.Equal(before, DatabaseHash());
    }

    [Fact]
    public async Task A_second_bot_on_the_same_database_refuses_to_start_with_one_line()
    {
        await AddBookingsAsync(1, create: true);
        using var runningBot = DatabaseFileLock.TryAcquire(DatabasePath);

        var (exitCode, _, stderr) = await RunAsync();

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Configuration error: DATABASE_URL 'data/booking.db' is in use by another running bot", Assert.Single(stderr), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_without_a_file_prints_the_usage()
    {
        var (exitCode, _, stderr) = await RunAsync("restore");

        Assert.Equal(2, exitCode);
        Assert.Equal("Usage: BookingBot backup | BookingBot restore <backup-file>", Assert.Single(stderr));
    }
}
