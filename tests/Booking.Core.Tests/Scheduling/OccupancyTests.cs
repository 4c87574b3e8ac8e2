using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public sealed class OccupancyTests
{
    private static readonly TimeZoneInfo Berlin = BusinessZone.Resolve("Europe/Berlin");

    private static DateTime BerlinUtc(int month, int day, int hour) => LocalTime.ToUtc(new DateTime(2026, month, day, hour, 0, 0), Berlin);

    [Fact]
    public void A_day_the_clocks_go_back_is_an_hour_longer_and_blocks_and_closing_time_clip_what_counts()
    {
        // Sunday 25 October 2026: 00:00–12:00 on the wall is 13 hours in Berlin. Monday: 09:00–18:00, 10–12 blocked.
        var week = new WeekSchedule(
            [new WorkingDay(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(18, 0))],
            [SpecialDay.SpecialHours(new DateOnly(2026, 10, 25), new TimeOnly(0, 0), new TimeOnly(12, 0))]);
        Interval[] blocks = [new(BerlinUtc(10, 26, 10), BerlinUtc(10, 26, 12))];
        Interval[] booked =
        [
            new(BerlinUtc(10, 25, 11), BerlinUtc(10, 25, 13)), // runs an hour past closing: 60 count
            new(BerlinUtc(10, 26, 9), BerlinUtc(10, 26, 11)), // half inside the block: 60 count
            new(BerlinUtc(10, 26, 17), BerlinUtc(10, 26, 18)),
        ];

        var minutes = Occupancy.Of(new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 26), week, Berlin, blocks, booked);

        Assert.Equal(new Occupancy.Minutes(180, 13 * 60 + 7 * 60), minutes);
        Assert.Equal(180.0 / 1200, minutes.Load);
    }

    [Fact]
    public void No_open_time_has_no_load_rather_than_a_division_by_zero() =>
        Assert.Null(Occupancy.Of(new DateOnly(2026, 10, 24), new DateOnly(2026, 10, 24), new WeekSchedule([], []), Berlin, [], []).Load);
}
