namespace Booking.Core.Features.Maintenance;

/// <summary>
/// The backup folder, seen only through <see cref="BackupFileName"/>: files whose names do not parse as the bot's
/// own are never listed and never deleted, whatever else shares the folder.
/// </summary>
public static class BackupFolder
{
    public static IReadOnlyList<BackupFile> List(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var backups = new List<BackupFile>();
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (BackupFileName.TryParse(file.Name, out var takenUtc))
            {
                backups.Add(new BackupFile(file.FullName, takenUtc, file.Length));
            }
        }

        return backups.OrderByDescending(b => b.TakenUtc).ToList();
    }

    /// <summary>Deletes the bot's backups taken before <paramref name="cutoffUtc"/> and returns them.</summary>
    public static IReadOnlyList<BackupFile> RemoveOlderThan(string directory, DateTime cutoffUtc)
    {
        var expired = List(directory).Where(b => b.TakenUtc < cutoffUtc).ToList();
        foreach (var backup in expired)
        {
            File.Delete(backup.Path);
        }

        return expired;
    }

    /// <summary>Deletes unfinished copies started before <paramref name="cutoffUtc"/>: left by a crash, never finished.</summary>
    public static void RemoveAbandoned(string directory, DateTime cutoffUtc)
    {
        foreach (var file in new DirectoryInfo(directory).EnumerateFiles())
        {
            if (BackupFileName.TryParsePartial(file.Name, out var startedUtc) && startedUtc < cutoffUtc)
            {
                file.Delete();
            }
        }
    }
}
