namespace Booking.Core.Features.Maintenance;

/// <summary>A backup file the bot made: where it is, when it was taken (from its name) and its size.</summary>
public sealed record BackupFile(string Path, DateTime TakenUtc, long Bytes);

/// <summary>
/// P9: takes a backup now — the daily job and the admin menu both call this. The copy is written under a temporary
/// name, checked, and only then renamed to its final name, so a file with a backup's name is always a sound backup.
/// After a successful backup, backups older than the retention period are deleted (never after a failed one, so a
/// run of failures cannot leave the folder empty).
/// </summary>
public static class BackupDatabase
{
    /// <summary>An unfinished copy this old is abandoned (a crash mid-backup) and may be swept.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    public enum Outcome
    {
        Created = 0,

        /// <summary>The copy failed its integrity check and was deleted; <see cref="Result.Problem"/> says why.</summary>
        Damaged = 1,
    }

    public sealed record Result(Outcome Outcome, BackupFile? Backup, string? Problem, TimeSpan Took, IReadOnlyList<BackupFile> Removed);

    public sealed class Handler(IDatabaseCopier copier, BackupOptions options, TimeProvider clock) : IDisposable
    {
        // The daily job and an admin's "back up now" may meet; they take turns rather than race for one file name.
        private readonly SemaphoreSlim _oneAtATime = new(1, 1);

        public async Task<Result> HandleAsync(CancellationToken ct)
        {
            await _oneAtATime.WaitAsync(ct);
            try
            {
                return await BackUpAsync(ct);
            }
            finally
            {
                _oneAtATime.Release();
            }
        }

        /// <summary>The bot's backups in the folder, newest first; other files are ignored.</summary>
        public IReadOnlyList<BackupFile> List() => BackupFolder.List(options.Directory);

        public void Dispose() => _oneAtATime.Dispose();

        private async Task<Result> BackUpAsync(CancellationToken ct)
        {
            var started = clock.GetTimestamp();
            var takenUtc = clock.GetUtcNow().UtcDateTime;
            Directory.CreateDirectory(options.Directory);
            BackupFolder.RemoveAbandoned(options.Directory, takenUtc - AbandonedAfter);
            var finalPath = Path.Combine(options.Directory, BackupFileName.Format(takenUtc));
            var partialPath = finalPath + BackupFileName.PartialSuffix;
            try
            {
                File.Delete(partialPath);
                await copier.CopyToAsync(partialPath, ct);
                if (await copier.FindDamageAsync(partialPath, ct) is { } damage)
                {
                    return new Result(Outcome.Damaged, null, damage, clock.GetElapsedTime(started), []);
                }

                File.Move(partialPath, finalPath, overwrite: true);
            }
            finally
            {
                File.Delete(partialPath);
            }

            var removed = BackupFolder.RemoveOlderThan(options.Directory, takenUtc.AddDays(-options.RetentionDays));
            var backup = new BackupFile(finalPath, takenUtc, new FileInfo(finalPath).Length);
            return new Result(Outcome.Created, backup, null, clock.GetElapsedTime(started), removed);
        }
    }
}
