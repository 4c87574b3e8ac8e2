using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public partial class SlotGridTests
{
    private static readonly TimeZoneInfo Moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    // 2026-03-02 is a Monday. Moscow is UTC+3 all year.
    private static readonly DateOnly Monday = new(2026, 3, 2);

    // Berlin: 2026-03-29 02:00 CET jumps to 03:00 CEST; 2026-10-25 03:00 CEST falls back to 02:00 CET.
    private static readonly DateOnly SpringForward = new(2026, 3, 29);
    private static readonly DateOnly FallBack = new(2026, 10, 25);

    private static readonly OpeningHours NineToSix = new(T(9), T(18));
    private static readonly OpeningHours MidnightToSix = new(T(0), T(6));

    /// <summary>Weeks before every day used here, so minimum notice removes nothing.</summary>
    private static readonly DateTime LongBefore = Utc(2026, 2, 1, 0);

    private static TimeOnly T(int hour, int minute = 0) => new(hour, minute);

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <summary>A Moscow wall time on <see cref="Monday"/> as a UTC instant, worked out by hand (UTC+3).</summary>
    private static DateTime Msk(int hour, int minute = 0) => Utc(2026, 3, 2, 0).AddHours(hour - 3).AddMinutes(minute);

    private static Interval MskBusy(int fromHour, int fromMinute, int toHour, int toMinute) =>
        new(Msk(fromHour, fromMinute), Msk(toHour, toMinute));

    private static SlotRules Rules(int duration, int interval, int notice = 60) => new(duration, interval, notice);

    private static IReadOnlyList<Slot> MoscowMonday(SlotRules rules, params Interval[] busy) =>
        SlotGrid.ForDay(Monday, NineToSix, Moscow, rules, LongBefore, busy);

    private static string Times(IEnumerable<Slot> slots) =>
        string.Join(" ", slots.Select(s => s.LocalStart.ToString("HH:mm", CultureInfo.InvariantCulture)));

    private static string BusyTimes(IEnumerable<Slot> slots) => Times(slots.Where(s => !s.IsFree));

    private static string FreeTimes(IEnumerable<Slot> slots) => Times(slots.Where(s => s.IsFree));

    private static string UtcStarts(IEnumerable<Slot> slots) =>
        string.Join(" ", slots.Select(s => s.StartUtc.ToString("dd'T'HH:mm", CultureInfo.InvariantCulture)));

    // ---- the grid itself ----

    [Fact]
    public void Hourly_service_in_a_nine_to_six_day_gets_a_free_slot_every_hour_from_nine_to_five()
    {
        var slots = MoscowMonday(Rules(60, 60));

        Assert.Equal("09:00 10:00 11:00 12:00 13:00 14:00 15:00 16:00 17:00", Times(slots));
        Assert.All(slots, s => Assert.True(s.IsFree));
    }

    [Fact]
    public void Slot_start_instants_are_utc_three_hours_behind_moscow_wall_time()
    {
        var slots = MoscowMonday(Rules(60, 60));

        Assert.Equal("02T06:00 02T07:00 02T08:00 02T09:00 02T10:00 02T11:00 02T12:00 02T13:00 02T14:00", UtcStarts(slots));
        Assert.All(slots, s => Assert.Equal(DateTimeKind.Utc, s.StartUtc.Kind));
    }

    [Fact]
    public void Last_slot_ends_exactly_at_closing_time()
    {
        var slots = MoscowMonday(Rules(60, 30));

        Assert.Equal(17, slots.Count);
        Assert.Equal(T(17), slots[^1].LocalStart);
        Assert.Equal(Msk(18), slots[^1].StartUtc.AddMinutes(60));
    }

    [Fact]
    public void Ninety_minute_service_with_half_hour_interval_has_its_last_slot_at_half_past_four()
    {
        var slots = MoscowMonday(Rules(90, 30));

        Assert.Equal(
            "09:00 09:30 10:00 10:30 11:00 11:30 12:00 12:30 13:00 13:30 14:00 14:30 15:00 15:30 16:00 16:30",
            Times(slots));
    }

    [Fact]
    public void Ninety_minute_service_with_hourly_interval_has_its_last_slot_at_four()
    {
        var slots = MoscowMonday(Rules(90, 60));

        Assert.Equal("09:00 10:00 11:00 12:00 13:00 14:00 15:00 16:00", Times(slots));
    }

    [Theory]
    [InlineData(45, 60, 9, 17, 0)]
    [InlineData(45, 30, 17, 17, 0)]
    [InlineData(45, 15, 34, 17, 15)]
    [InlineData(90, 15, 31, 16, 30)]
    [InlineData(100, 60, 8, 16, 0)]
    [InlineData(100, 30, 15, 16, 0)]
    [InlineData(100, 15, 30, 16, 15)]
    [InlineData(60, 15, 33, 17, 0)]
    [InlineData(15, 15, 36, 17, 45)]
    public void Duration_that_does_not_fill_the_day_stops_at_the_last_start_that_still_ends_by_closing(
        int duration, int interval, int count, int lastHour, int lastMinute)
    {
        var slots = MoscowMonday(Rules(duration, interval));

        Assert.Equal(count, slots.Count);
        Assert.Equal(T(9), slots[0].LocalStart);
        Assert.Equal(T(lastHour, lastMinute), slots[^1].LocalStart);
        Assert.True(slots[^1].StartUtc.AddMinutes(duration) <= Msk(18), "the last slot must end by closing time");
        Assert.True(slots[^1].StartUtc.AddMinutes(interval + duration) > Msk(18), "one more step would overrun closing time");
        for (var i = 1; i < slots.Count; i++)
        {
            Assert.Equal(TimeSpan.FromMinutes(interval), slots[i].StartUtc - slots[i - 1].StartUtc);
            Assert.Equal(TimeSpan.FromMinutes(interval), slots[i].LocalStart - slots[i - 1].LocalStart);
        }
    }

    [Fact]
    public void Quarter_hour_interval_starts_a_slot_every_fifteen_minutes()
    {
        var slots = MoscowMonday(Rules(60, 15));

        Assert.Equal("09:00 09:15 09:30 09:45 10:00", Times(slots.Take(5)));
        Assert.Equal("16:00 16:15 16:30 16:45 17:00", Times(slots.TakeLast(5)));
    }

    [Fact]
    public void Grid_starts_at_opening_time_even_when_that_is_off_the_hour()
    {
        var slots = SlotGrid.ForDay(Monday, new OpeningHours(T(9, 45), T(12)), Moscow, Rules(60, 30), LongBefore, []);

        Assert.Equal("09:45 10:15 10:45", Times(slots));
    }

    [Fact]
    public void Service_as_long_as_the_opening_hours_gets_exactly_one_slot()
    {
        var slots = SlotGrid.ForDay(Monday, new OpeningHours(T(10), T(11, 30)), Moscow, Rules(90, 15), LongBefore, []);

        Assert.Equal("10:00", Times(slots));
        Assert.True(slots[0].IsFree);
    }

    [Fact]
    public void Service_longer_than_the_opening_hours_gets_no_slots()
    {
        var slots = SlotGrid.ForDay(Monday, new OpeningHours(T(10), T(11)), Moscow, Rules(90, 15), LongBefore, []);

        Assert.Empty(slots);
    }

    [Fact]
    public void Closed_day_gets_no_slots()
    {
        Assert.Empty(SlotGrid.ForDay(Monday, null, Moscow, Rules(60, 60), LongBefore, []));
    }
}
