using Booking.Web;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

public sealed class BackupSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "1:a")))
            .Build());

    [Fact]
    public void By_default_a_backup_is_taken_daily_at_half_past_three_into_data_backups_and_kept_thirty_days()
    {
        var (settings, errors) = Read();

        Assert.Empty(errors);
        Assert.Equal(new BackupSettings(true, new TimeOnly(3, 30), Path.Combine("data", "backups"), 30), settings!.Backup);
    }

    [Theory]
    [InlineData("sqlite:///var/lib/bookingbot/salon.db", "/var/lib/bookingbot/backups")]
    [InlineData("sqlite:salon.db", "backups")]
    [InlineData("postgres://u:p@localhost/db", "data/backups")]
    public void The_default_backup_folder_sits_beside_the_database_file(string databaseUrl, string backupDir)
    {
        var (settings, _) = Read(("DATABASE_URL", databaseUrl));

        Assert.Equal(backupDir, settings!.Backup.Directory);
    }

    [Fact]
    public void Every_backup_setting_can_be_given()
    {
        var (settings, errors) = Read(("BACKUP_TIME", "4:05"), ("BACKUP_DIR", "/srv/backups"), ("BACKUP_RETENTION_DAYS", "7"), ("BACKUP_ENABLED", "false"));

        Assert.Empty(errors);
        Assert.Equal(new BackupSettings(false, new TimeOnly(4, 5), "/srv/backups", 7), settings!.Backup);
    }

    [Fact]
    public void Each_malformed_backup_setting_is_one_line_naming_it()
    {
        var (settings, errors) = Read(("BACKUP_TIME", "25:00"), ("BACKUP_RETENTION_DAYS", "0"), ("BACKUP_ENABLED", "maybe"));

        Assert.Null(settings);
        Assert.Collection(
            errors,
            e => Assert.StartsWith("BACKUP_ENABLED 'maybe'", e, StringComparison.Ordinal),
            e => Assert.StartsWith("BACKUP_TIME '25:00' is not a time of day", e, StringComparison.Ordinal),
            e => Assert.StartsWith("BACKUP_RETENTION_DAYS '0'", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("3:30pm")]
    [InlineData("03.30")]
    [InlineData("0330")]
    [InlineData("03:30:00")]
    public void A_backup_time_must_be_hours_and_minutes(string text)
    {
        var (_, errors) = Read(("BACKUP_TIME", text));

        Assert.StartsWith("BACKUP_TIME", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("thirty")]
    [InlineData("3651")]
    public void Retention_must_be_a_whole_number_of_days_in_range(string text)
    {
        var (_, errors) = Read(("BACKUP_RETENTION_DAYS", text));

        Assert.StartsWith("BACKUP_RETENTION_DAYS", Assert.Single(errors), StringComparison.Ordinal);
    }
}
