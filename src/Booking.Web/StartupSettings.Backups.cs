using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Booking.Web;

/// <summary>P9: the daily backup's settings, under the seed's names where it had them.</summary>
public sealed record BackupSettings(bool Enabled, TimeOnly DailyAt, string Directory, int RetentionDays)
{
    public static readonly TimeOnly DefaultTime = new(3, 30);
    public const int DefaultRetentionDays = 30;
    public const int MaxRetentionDays = 3650;
}

public sealed partial record StartupSettings
{
    public BackupSettings Backup { get; init; } = new(true, BackupSettings.DefaultTime, "data/backups", BackupSettings.DefaultRetentionDays);

    /// <summary>What the restore and backup commands need: the database, and the backups; no token.</summary>
    public static (string? DatabasePath, BackupSettings Backup, IReadOnlyList<string> Errors) ReadStorage(IConfiguration config)
    {
        var errors = new List<string>();
        var (provider, target) = ParseDatabase(config["DATABASE_URL"]?.Trim() is { Length: > 0 } d ? d : DefaultDatabase, errors);
        if (errors.Count == 0 && provider != DatabaseProvider.Sqlite)
        {
            errors.Add("DATABASE_URL points at PostgreSQL: back it up with pg_dump and restore with pg_restore (see README, Backups and restore).");
        }

        var backup = ReadBackup(config, provider, target, errors);
        return (errors.Count == 0 ? target : null, backup, errors);
    }

    /// <summary>Backups default to a "backups" folder beside the database file (data/backups for the default database).</summary>
    private static BackupSettings ReadBackup(IConfiguration config, DatabaseProvider provider, string databaseTarget, List<string> errors)
    {
        var enabled = true;
        if (config["BACKUP_ENABLED"]?.Trim() is { Length: > 0 } enabledText && !TryParseSwitch(enabledText, out enabled))
        {
            errors.Add($"BACKUP_ENABLED '{enabledText}' must be true or false.");
        }

        var dailyAt = BackupSettings.DefaultTime;
        if (config["BACKUP_TIME"]?.Trim() is { Length: > 0 } timeText
            && !TimeOnly.TryParseExact(timeText, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out dailyAt))
        {
            errors.Add($"BACKUP_TIME '{timeText}' is not a time of day: use HH:MM in the business time zone, e.g. 03:30.");
        }

        var retention = BackupSettings.DefaultRetentionDays;
        if (config["BACKUP_RETENTION_DAYS"]?.Trim() is { Length: > 0 } daysText
            && (!int.TryParse(daysText, NumberStyles.None, CultureInfo.InvariantCulture, out retention) || retention < 1 || retention > BackupSettings.MaxRetentionDays))
        {
            errors.Add($"BACKUP_RETENTION_DAYS '{daysText}' must be a whole number of days from 1 to {BackupSettings.MaxRetentionDays}.");
        }

        var directory = config["BACKUP_DIR"]?.Trim() is { Length: > 0 } dir ? dir
            : provider == DatabaseProvider.Sqlite ? Path.Combine(Path.GetDirectoryName(databaseTarget) ?? string.Empty, "backups")
            : Path.Combine("data", "backups");
        if (File.Exists(directory))
        {
            errors.Add($"BACKUP_DIR '{directory}' is a file; it must name a folder.");
        }

        return new BackupSettings(enabled, dailyAt, directory, retention);
    }

    private static bool TryParseSwitch(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "true" or "1" or "yes" or "on":
                value = true;
                return true;
            case "false" or "0" or "no" or "off":
                value = false;
                return true;
            default:
                value = true;
                return false;
        }
    }
}
