using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public class LocalTimeTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // Berlin: 2026-03-29 02:00 CET jumps to 03:00 CEST (01:00 UTC); 2026-10-25 03:00 CEST falls back to 02:00 CET (01:00 UTC).
    private static readonly DateOnly SpringForward = new(2026, 3, 29);
    private static readonly DateOnly FallBack = new(2026, 10, 25);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime Wall(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);

    [Fact]
    public void Moscow_wall_time_is_three_hours_ahead_of_utc()
    {
        var utc = LocalTime.ToUtc(Wall(2026, 3, 2, 9), Moscow);

        Assert.Equal(Utc(2026, 3, 2, 6), utc);
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Fact]
    public void Moscow_offset_does_not_change_in_summer()
    {
        Assert.Equal(Utc(2026, 7, 1, 6), LocalTime.ToUtc(Wall(2026, 7, 1, 9), Moscow));
        Assert.Equal(Utc(2026, 3, 29, 0, 30), LocalTime.ToUtc(Wall(2026, 3, 29, 3, 30), Moscow));
    }

    [Fact]
    public void Moscow_early_morning_falls_on_the_previous_utc_day()
    {
        Assert.Equal(Utc(2026, 3, 1, 22, 30), LocalTime.ToUtc(Wall(2026, 3, 2, 1, 30), Moscow));
    }

    [Fact]
    public void Berlin_is_one_hour_ahead_of_utc_in_winter_and_two_in_summer()
    {
        Assert.Equal(Utc(2026, 3, 2, 8), LocalTime.ToUtc(Wall(2026, 3, 2, 9), Berlin));
        Assert.Equal(Utc(2026, 7, 6, 7), LocalTime.ToUtc(Wall(2026, 7, 6, 9), Berlin));
    }

    [Fact]
    public void Input_is_read_as_wall_time_whatever_its_kind()
    {
        var expected = Utc(2026, 3, 2, 6);

        Assert.Equal(expected, LocalTime.ToUtc(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc), Moscow));
        Assert.Equal(expected, LocalTime.ToUtc(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Local), Moscow));
    }

    [Fact]
    public void Date_and_time_overload_matches_the_wall_time_overload()
    {
        Assert.Equal(Utc(2026, 3, 2, 6, 45), LocalTime.ToUtc(new DateOnly(2026, 3, 2), new TimeOnly(9, 45), Moscow));
        Assert.Equal(Utc(2026, 10, 25, 0, 30), LocalTime.ToUtc(FallBack, new TimeOnly(2, 30), Berlin));
    }

    [Fact]
    public void Wall_times_around_the_spring_gap_convert_with_their_own_offset()
    {
        Assert.Equal(Utc(2026, 3, 29, 0, 59), LocalTime.ToUtc(Wall(2026, 3, 29, 1, 59), Berlin));
        Assert.Equal(Utc(2026, 3, 29, 1), LocalTime.ToUtc(Wall(2026, 3, 29, 3), Berlin));
    }

    [Theory]
    [InlineData(2, 0, 1, 0)]
    [InlineData(2, 30, 1, 30)]
    [InlineData(2, 59, 1, 59)]
    public void Wall_time_skipped_by_the_spring_gap_is_moved_past_the_gap(int hour, int minute, int utcHour, int utcMinute)
    {
        // 02:30 does not exist; it is read as 03:30 CEST, the same distance past the jump.
        var utc = LocalTime.ToUtc(Wall(2026, 3, 29, hour, minute), Berlin);

        Assert.Equal(Utc(2026, 3, 29, utcHour, utcMinute), utc);
        Assert.True(utc >= Utc(2026, 3, 29, 1), "a skipped time must not land before the jump");
    }

    [Fact]
    public void Time_in_a_half_hour_spring_gap_is_moved_past_it_by_half_an_hour()
    {
        // Lord Howe Island: 2026-10-04 02:00 (+10:30) jumps to 02:30 (+11:00), at 15:30 UTC the day before.
        var lordHowe = TimeZoneInfo.FindSystemTimeZoneById("Australia/Lord_Howe");

        var utc = LocalTime.ToUtc(Wall(2026, 10, 4, 2, 10), lordHowe);

        Assert.Equal(Utc(2026, 10, 3, 15, 40), utc);
        Assert.Equal(Wall(2026, 10, 4, 2, 40), LocalTime.ToLocal(utc, lordHowe));
    }

    [Fact]
    public void Time_in_a_two_hour_spring_gap_is_moved_past_it_by_two_hours()
    {
        // Troll station: 2026-03-29 01:00 (+00:00) jumps to 03:00 (+02:00).
        var troll = TimeZoneInfo.FindSystemTimeZoneById("Antarctica/Troll");

        var utc = LocalTime.ToUtc(Wall(2026, 3, 29, 1, 30), troll);

        Assert.Equal(Utc(2026, 3, 29, 1, 30), utc);
        Assert.Equal(Wall(2026, 3, 29, 3, 30), LocalTime.ToLocal(utc, troll));
    }

    [Theory]
    [InlineData(2, 0, 0, 0)]
    [InlineData(2, 30, 0, 30)]
    [InlineData(2, 59, 0, 59)]
    public void Ambiguous_fall_back_wall_time_is_the_first_daylight_occurrence(int hour, int minute, int utcHour, int utcMinute)
    {
        Assert.Equal(Utc(2026, 10, 25, utcHour, utcMinute), LocalTime.ToUtc(Wall(2026, 10, 25, hour, minute), Berlin));
    }

    [Fact]
    public void Wall_times_around_the_fall_back_overlap_convert_with_their_own_offset()
    {
        Assert.Equal(Utc(2026, 10, 24, 23, 59), LocalTime.ToUtc(Wall(2026, 10, 25, 1, 59), Berlin));
        Assert.Equal(Utc(2026, 10, 25, 2), LocalTime.ToUtc(Wall(2026, 10, 25, 3), Berlin));
    }

    [Fact]
    public void To_local_adds_the_moscow_offset()
    {
        Assert.Equal(Wall(2026, 3, 2, 9), LocalTime.ToLocal(Utc(2026, 3, 2, 6), Moscow));
        Assert.Equal(Wall(2026, 3, 3, 0, 30), LocalTime.ToLocal(Utc(2026, 3, 2, 21, 30), Moscow));
    }

    [Fact]
    public void To_local_reads_an_unspecified_instant_as_utc()
    {
        Assert.Equal(Wall(2026, 3, 2, 9), LocalTime.ToLocal(Wall(2026, 3, 2, 6), Moscow));
    }

    [Fact]
    public void To_local_jumps_over_the_spring_gap()
    {
        Assert.Equal(Wall(2026, 3, 29, 1, 59), LocalTime.ToLocal(Utc(2026, 3, 29, 0, 59), Berlin));
        Assert.Equal(Wall(2026, 3, 29, 3), LocalTime.ToLocal(Utc(2026, 3, 29, 1), Berlin));
    }

    [Fact]
    public void To_local_shows_the_repeated_hour_twice_on_the_fall_back_day()
    {
        Assert.Equal(Wall(2026, 10, 25, 2, 30), LocalTime.ToLocal(Utc(2026, 10, 25, 0, 30), Berlin));
        Assert.Equal(Wall(2026, 10, 25, 2, 30), LocalTime.ToLocal(Utc(2026, 10, 25, 1, 30), Berlin));
        Assert.Equal(Wall(2026, 10, 25, 3), LocalTime.ToLocal(Utc(2026, 10, 25, 2), Berlin));
    }

    [Theory]
    [InlineData("Europe/Moscow", 2026, 3, 2, 9, 0)]
    [InlineData("Europe/Moscow", 2026, 12, 31, 23, 45)]
    [InlineData("Europe/Berlin", 2026, 1, 15, 0, 0)]
    [InlineData("Europe/Berlin", 2026, 3, 29, 1, 59)]
    [InlineData("Europe/Berlin", 2026, 3, 29, 3, 0)]
    [InlineData("Europe/Berlin", 2026, 7, 6, 18, 15)]
    [InlineData("Europe/Berlin", 2026, 10, 25, 3, 0)]
    public void Unambiguous_wall_time_survives_a_round_trip_through_utc(string zoneId, int year, int month, int day, int hour, int minute)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var wall = Wall(year, month, day, hour, minute);

        Assert.Equal(wall, LocalTime.ToLocal(LocalTime.ToUtc(wall, zone), zone));
    }

    [Fact]
    public void Today_in_moscow_starts_at_twenty_one_utc_the_day_before()
    {
        Assert.Equal(new DateOnly(2026, 3, 10), LocalTime.Today(Utc(2026, 3, 10, 20, 59), Moscow));
        Assert.Equal(new DateOnly(2026, 3, 11), LocalTime.Today(Utc(2026, 3, 10, 21), Moscow));
    }

    [Fact]
    public void Today_in_berlin_follows_daylight_saving_time()
    {
        Assert.Equal(new DateOnly(2026, 1, 15), LocalTime.Today(Utc(2026, 1, 15, 22, 59), Berlin));
        Assert.Equal(new DateOnly(2026, 1, 16), LocalTime.Today(Utc(2026, 1, 15, 23), Berlin));
        Assert.Equal(new DateOnly(2026, 7, 6), LocalTime.Today(Utc(2026, 7, 6, 21, 59), Berlin));
        Assert.Equal(new DateOnly(2026, 7, 7), LocalTime.Today(Utc(2026, 7, 6, 22), Berlin));
    }

    [Fact]
    public void Moscow_day_bounds_run_from_local_midnight_to_local_midnight()
    {
        var bounds = LocalTime.DayBounds(new DateOnly(2026, 3, 2), Moscow);

        Assert.Equal(Utc(2026, 3, 1, 21), bounds.StartUtc);
        Assert.Equal(Utc(2026, 3, 2, 21), bounds.EndUtc);
        Assert.Equal(DateTimeKind.Utc, bounds.StartUtc.Kind);
        Assert.Equal(DateTimeKind.Utc, bounds.EndUtc.Kind);
    }

    [Fact]
    public void Spring_forward_day_is_twenty_three_hours_long()
    {
        var bounds = LocalTime.DayBounds(SpringForward, Berlin);

        Assert.Equal(Utc(2026, 3, 28, 23), bounds.StartUtc);
        Assert.Equal(Utc(2026, 3, 29, 22), bounds.EndUtc);
        Assert.Equal(TimeSpan.FromHours(23), bounds.EndUtc - bounds.StartUtc);
    }

    [Fact]
    public void Fall_back_day_is_twenty_five_hours_long()
    {
        var bounds = LocalTime.DayBounds(FallBack, Berlin);

        Assert.Equal(Utc(2026, 10, 24, 22), bounds.StartUtc);
        Assert.Equal(Utc(2026, 10, 25, 23), bounds.EndUtc);
        Assert.Equal(TimeSpan.FromHours(25), bounds.EndUtc - bounds.StartUtc);
    }

    [Fact]
    public void Consecutive_day_bounds_meet_without_gap_or_overlap()
    {
        for (var date = new DateOnly(2026, 3, 27); date < new DateOnly(2026, 3, 31); date = date.AddDays(1))
        {
            var today = LocalTime.DayBounds(date, Berlin);
            var tomorrow = LocalTime.DayBounds(date.AddDays(1), Berlin);

            Assert.Equal(today.EndUtc, tomorrow.StartUtc);
            Assert.False(today.Overlaps(tomorrow));
        }
    }

    [Fact]
    public void Every_instant_of_a_day_maps_back_to_that_date()
    {
        foreach (var date in new[] { new DateOnly(2026, 3, 2), SpringForward, FallBack })
        {
            var bounds = LocalTime.DayBounds(date, Berlin);

            Assert.Equal(date, LocalTime.Today(bounds.StartUtc, Berlin));
            Assert.Equal(date, LocalTime.Today(bounds.EndUtc.AddTicks(-1), Berlin));
            Assert.Equal(date.AddDays(1), LocalTime.Today(bounds.EndUtc, Berlin));
        }
    }
}
