namespace Booking.Core.Features.Maintenance;

/// <summary>Where backups go, how long they are kept and when the daily one is taken (P9).</summary>
public sealed class BackupOptions
{
    public const string Section = "Backups";

    /// <summary>The folder that holds the backups; relative paths are relative to where the bot runs.</summary>
    public required string Directory { get; init; }

    /// <summary>Backups whose time stamp is older than this many days are deleted after a successful backup.</summary>
    public required int RetentionDays { get; init; }

    /// <summary>The local time of day, in the business time zone, at which the daily backup is taken.</summary>
    public required TimeOnly DailyAt { get; init; }
}
