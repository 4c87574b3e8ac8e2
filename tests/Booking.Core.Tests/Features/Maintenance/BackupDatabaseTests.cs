using Booking.Core.Features.Maintenance;
using Booking.Data.Sqlite.Backups;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Tests.Features.Maintenance;

/// <summary>The on-demand backup over a real SQLite file, with the real copier and integrity check.</summary>
public sealed class BackupDatabaseTests : IAsyncLifetime
{
    private CoreWorld _world = null!;

    private string BackupDir => Path.Combine(_world.Folder, "backups");

    public async Task InitializeAsync() => _world = await CoreWorld.CreateAsync();

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private BackupDatabase.Handler Handler(IDatabaseCopier? copier = null, int retentionDays = 30) => new(
        copier ?? new SqliteDatabaseCopier(_world.DatabasePath),
        new BackupOptions { Directory = BackupDir, RetentionDays = retentionDays, DailyAt = new TimeOnly(3, 30) },
        _world.Clock);

    private string[] FilesInBackupDir() => Directory.GetFiles(BackupDir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

    [Fact]
    public async Task A_backup_is_a_single_sound_file_named_for_the_utc_time_it_was_taken()
    {
        using var handler = Handler();

        var result = await handler.HandleAsync(default);

        Assert.Equal(BackupDatabase.Outcome.Created, result.Outcome);
        Assert.Equal(["booking-20261201T060000Z.db"], FilesInBackupDir());
        Assert.Equal(CoreWorld.Now.UtcDateTime, result.Backup!.TakenUtc);
        Assert.Null(await new SqliteDatabaseCopier(_world.DatabasePath).FindDamageAsync(result.Backup.Path, default));
        var header = new byte[20];
        await using (var file = File.OpenRead(result.Backup.Path))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal(1, header[18]); // rollback journal, not WAL: the file needs no -wal beside it
        Assert.Equal(await CountServicesAsync(_world.DatabasePath), await CountServicesAsync(result.Backup.Path));
    }

    [Fact]
    public async Task A_copy_that_fails_the_integrity_check_is_deleted_and_never_named_as_a_backup()
    {
        using var handler = Handler(new CorruptingCopier(new SqliteDatabaseCopier(_world.DatabasePath)));

        var result = await handler.HandleAsync(default);

        Assert.Equal(BackupDatabase.Outcome.Damaged, result.Outcome);
        Assert.Null(result.Backup);
        Assert.StartsWith("integrity check:", result.Problem, StringComparison.Ordinal);
        Assert.Empty(FilesInBackupDir());
    }

    [Fact]
    public async Task Retention_deletes_the_bots_backups_past_the_period_and_keeps_newer_ones_and_foreign_files()
    {
        Directory.CreateDirectory(BackupDir);
        var now = CoreWorld.Now.UtcDateTime;
        string[] old = [BackupFileName.Format(now.AddDays(-31)), BackupFileName.Format(now.AddDays(-30).AddSeconds(-1))];
        string[] recent = [BackupFileName.Format(now.AddDays(-30).AddSeconds(1)), BackupFileName.Format(now.AddDays(-1))];
        string[] foreign = ["notes.txt", "backup_20250101_033000.sql.gz", "booking-20250101T003000Z.db.bak", "Booking-20250101T003000Z.db"];
        foreach (var name in old.Concat(recent).Concat(foreign))
        {
            await File.WriteAllTextAsync(Path.Combine(BackupDir, name), "x");
        }

        using var handler = Handler();
        var result = await handler.HandleAsync(default);

        Assert.Equal(old.Order(StringComparer.Ordinal), result.Removed.Select(r => Path.GetFileName(r.Path)).Order(StringComparer.Ordinal));
        Assert.Equal(
            recent.Concat(foreign).Append(BackupFileName.Format(now)).Order(StringComparer.Ordinal),
            FilesInBackupDir());
    }

    [Fact]
    public async Task A_failed_backup_deletes_no_old_backup()
    {
        Directory.CreateDirectory(BackupDir);
        var ancient = BackupFileName.Format(CoreWorld.Now.UtcDateTime.AddDays(-90));
        await File.WriteAllTextAsync(Path.Combine(BackupDir, ancient), "x");
        using var handler = Handler(new CorruptingCopier(new SqliteDatabaseCopier(_world.DatabasePath)));

        var result = await handler.HandleAsync(default);

        Assert.Equal(BackupDatabase.Outcome.Damaged, result.Outcome);
        Assert.Equal([ancient], FilesInBackupDir());
    }

    [Fact]
    public async Task An_abandoned_unfinished_copy_is_swept_but_one_still_being_written_is_left_alone()
    {
        Directory.CreateDirectory(BackupDir);
        var now = CoreWorld.Now.UtcDateTime;
        var abandoned = BackupFileName.Format(now.AddHours(-2)) + BackupFileName.PartialSuffix;
        var inFlight = BackupFileName.Format(now.AddMinutes(-1)) + BackupFileName.PartialSuffix;
        await File.WriteAllTextAsync(Path.Combine(BackupDir, abandoned), "x");
        await File.WriteAllTextAsync(Path.Combine(BackupDir, inFlight), "x");
        using var handler = Handler();

        await handler.HandleAsync(default);

        Assert.Equal(new[] { BackupFileName.Format(now), inFlight }.Order(StringComparer.Ordinal), FilesInBackupDir());
    }

    [Fact]
    public async Task The_list_shows_only_the_bots_backups_newest_first()
    {
        using var handler = Handler();
        await handler.HandleAsync(default);
        _world.Clock.Advance(TimeSpan.FromDays(1));
        await handler.HandleAsync(default);
        await File.WriteAllTextAsync(Path.Combine(BackupDir, "readme.txt"), "x");

        var list = handler.List();

        Assert.Equal([CoreWorld.Now.UtcDateTime.AddDays(1), CoreWorld.Now.UtcDateTime], list.Select(b => b.TakenUtc));
        Assert.All(list, b => Assert.True(b.Bytes > 0));
    }

    private static async Task<long> CountServicesAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM Services";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A disk that garbles what it is given: the copy is made, then a page in its middle is overwritten.</summary>
    private sealed class CorruptingCopier(IDatabaseCopier inner) : IDatabaseCopier
    {
        public async Task CopyToAsync(string path, CancellationToken ct)
        {
            await inner.CopyToAsync(path, ct);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            file.Position = file.Length / 2;
            await file.WriteAsync(Enumerable.Repeat((byte)0x5A, 4096).ToArray(), ct);
        }

        public Task<string?> FindDamageAsync(string path, CancellationToken ct) => inner.FindDamageAsync(path, ct);
    }
}
