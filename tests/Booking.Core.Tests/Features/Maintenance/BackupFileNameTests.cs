using Booking.Core.Features.Maintenance;

namespace Booking.Core.Tests.Features.Maintenance;

public sealed class BackupFileNameTests
{
    [Fact]
    public void A_name_is_the_utc_instant_in_iso_basic_form()
    {
        var name = BackupFileName.Format(new DateTime(2026, 12, 1, 0, 30, 5, DateTimeKind.Utc));

        Assert.Equal("booking-20261201T003005Z.db", name);
    }

    [Theory]
    [InlineData("2026-12-01T00:30:00")]
    [InlineData("2026-12-31T23:59:59")]
    [InlineData("2027-01-01T00:00:00")]
    [InlineData("2028-02-29T12:00:00")]
    public void A_name_parses_back_to_the_instant_it_was_made_from(string instant)
    {
        var takenUtc = DateTime.SpecifyKind(DateTime.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);

        Assert.True(BackupFileName.TryParse(BackupFileName.Format(takenUtc), out var parsed));
        Assert.Equal(takenUtc, parsed);
        Assert.Equal(DateTimeKind.Utc, parsed.Kind);
    }

    [Fact]
    public void The_whole_file_name_is_parsed_including_its_extension()
    {
        // The original bot stripped one extension from "backup_….sql.gz" and then failed to parse "….sql",
        // so retention never deleted anything. Here the exact full name is the pattern.
        Assert.True(BackupFileName.TryParse("booking-20261101T003000Z.db", out var takenUtc));
        Assert.Equal(new DateTime(2026, 11, 1, 0, 30, 0, DateTimeKind.Utc), takenUtc);
    }

    [Fact]
    public void Names_sort_as_text_in_the_order_the_backups_were_taken()
    {
        var start = new DateTime(2026, 9, 28, 23, 0, 0, DateTimeKind.Utc);
        var instants = Enumerable.Range(0, 40).Select(i => start.AddHours(i * 7)).ToList();

        var sortedNames = instants.Select(BackupFileName.Format).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(instants.Select(BackupFileName.Format), sortedNames);
    }

    [Theory]
    [InlineData("booking-20261201T003000Z.db.partial")]
    [InlineData("booking-20261201T003000Z.db.bak")]
    [InlineData("booking-20261201T003000Z.sql.gz")]
    [InlineData("booking-20261201T003000Z.DB")]
    [InlineData("Booking-20261201T003000Z.db")]
    [InlineData("old-booking-20261201T003000Z.db")]
    [InlineData("booking-20261201T003000.db")]
    [InlineData("booking-20261201-003000Z.db")]
    [InlineData("booking-20261301T003000Z.db")]
    [InlineData("booking-20270229T003000Z.db")]
    [InlineData("booking-20261201T246000Z.db")]
    [InlineData("backup_20261201_003000.sql.gz")]
    [InlineData("booking.db")]
    [InlineData("notes.txt")]
    public void Anything_but_the_bots_own_finished_backup_name_is_not_a_backup(string fileName)
    {
        Assert.False(BackupFileName.TryParse(fileName, out _));
    }

    [Fact]
    public void An_unfinished_copy_is_recognised_only_as_unfinished()
    {
        var partial = BackupFileName.Format(new DateTime(2026, 12, 1, 0, 30, 0, DateTimeKind.Utc)) + BackupFileName.PartialSuffix;

        Assert.True(BackupFileName.TryParsePartial(partial, out var startedUtc));
        Assert.Equal(new DateTime(2026, 12, 1, 0, 30, 0, DateTimeKind.Utc), startedUtc);
        Assert.False(BackupFileName.TryParse(partial, out _));
        Assert.False(BackupFileName.TryParsePartial("booking-20261201T003000Z.db", out _));
    }

    [Fact]
    public void A_time_without_a_zone_cannot_name_a_backup()
    {
        Assert.Throws<ArgumentException>(() => BackupFileName.Format(new DateTime(2026, 12, 1, 3, 30, 0, DateTimeKind.Unspecified)));
    }
}
