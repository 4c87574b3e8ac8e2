using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public class DayLoadTests
{
    private static readonly DateTime NineMoscow = new(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc);

    /// <summary>Hourly slots from 09:00 Moscow, the free ones first.</summary>
    private static List<Slot> Slots(int free, int busy)
    {
        var slots = new List<Slot>();
        for (var i = 0; i < free + busy; i++)
        {
            slots.Add(new Slot(new TimeOnly(9 + i, 0), NineMoscow.AddHours(i), i < free));
        }

        return slots;
    }

    [Fact]
    public void Day_without_any_offerable_slot_is_unavailable()
    {
        Assert.Equal(DayLoad.Unavailable, DayLoads.Of([]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    public void Day_whose_slots_are_all_taken_is_full(int busy)
    {
        Assert.Equal(DayLoad.Full, DayLoads.Of(Slots(free: 0, busy)));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(9, 0)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(5, 4)]
    [InlineData(8, 1)]
    public void Day_with_more_than_half_of_its_slots_free_has_plenty(int free, int busy)
    {
        Assert.Equal(DayLoad.Plenty, DayLoads.Of(Slots(free, busy)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    public void Day_with_exactly_half_of_its_slots_free_has_few(int free, int busy)
    {
        Assert.Equal(DayLoad.Few, DayLoads.Of(Slots(free, busy)));
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 3)]
    [InlineData(4, 5)]
    [InlineData(1, 8)]
    public void Day_with_fewer_than_half_of_its_slots_free_has_few(int free, int busy)
    {
        Assert.Equal(DayLoad.Few, DayLoads.Of(Slots(free, busy)));
    }

    [Fact]
    public void Load_depends_on_how_many_slots_are_free_not_on_where_they_are()
    {
        var busyMorning = Slots(free: 3, busy: 2);
        busyMorning.Reverse();
        var interleaved = new List<Slot>
        {
            new(new TimeOnly(9, 0), NineMoscow, false),
            new(new TimeOnly(10, 0), NineMoscow.AddHours(1), true),
            new(new TimeOnly(11, 0), NineMoscow.AddHours(2), false),
            new(new TimeOnly(12, 0), NineMoscow.AddHours(3), true),
        };

        Assert.Equal(DayLoad.Plenty, DayLoads.Of(busyMorning));
        Assert.Equal(DayLoad.Few, DayLoads.Of(interleaved));
    }

    [Theory]
    [InlineData(DayLoad.Plenty, true)]
    [InlineData(DayLoad.Few, true)]
    [InlineData(DayLoad.Full, false)]
    [InlineData(DayLoad.Unavailable, false)]
    public void Only_days_with_a_free_slot_can_be_tapped(DayLoad load, bool bookable)
    {
        Assert.Equal(bookable, load.IsBookable());
    }

    [Fact]
    public void Day_fully_covered_by_a_block_shows_as_full()
    {
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var date = new DateOnly(2026, 3, 2);
        var wholeDay = new Interval(new DateTime(2026, 3, 1, 21, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 21, 0, 0, DateTimeKind.Utc));
        var slots = SlotGrid.ForDay(
            date, new OpeningHours(new TimeOnly(9, 0), new TimeOnly(18, 0)), moscow, new SlotRules(60, 60, 60),
            new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc), [wholeDay]);

        Assert.Equal(9, slots.Count);
        Assert.Equal(DayLoad.Full, DayLoads.Of(slots));
    }

    [Fact]
    public void Day_that_is_already_over_shows_as_unavailable()
    {
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var date = new DateOnly(2026, 3, 2);
        var slots = SlotGrid.ForDay(
            date, new OpeningHours(new TimeOnly(9, 0), new TimeOnly(18, 0)), moscow, new SlotRules(60, 60, 60),
            new DateTime(2026, 3, 3, 6, 0, 0, DateTimeKind.Utc), []);

        Assert.Equal(DayLoad.Unavailable, DayLoads.Of(slots));
    }

    [Fact]
    public void Day_with_one_of_three_remaining_slots_free_after_notice_has_few()
    {
        // Now is 13:30 Moscow: with an hour's notice 14:00 is left out; 15:00 and 16:00 are booked, 17:00 is free.
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var date = new DateOnly(2026, 3, 2);
        List<Interval> busy =
        [
            new(new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 2, 14, 0, 0, DateTimeKind.Utc)),
        ];
        var slots = SlotGrid.ForDay(
            date, new OpeningHours(new TimeOnly(9, 0), new TimeOnly(18, 0)), moscow, new SlotRules(60, 60, 60),
            new DateTime(2026, 3, 2, 10, 30, 0, DateTimeKind.Utc), busy);

        Assert.Equal(3, slots.Count);
        Assert.Equal([false, false, true], slots.Select(s => s.IsFree));
        Assert.Equal(DayLoad.Few, DayLoads.Of(slots));
    }

    [Theory]
    [InlineData("Europe/Moscow", 2026, 3, 2)]
    [InlineData("Europe/Berlin", 2026, 3, 29)] // spring forward: 02:00 → 03:00
    [InlineData("Europe/Berlin", 2026, 10, 25)] // fall back: 03:00 → 02:00
    public void The_month_calendar_counting_walk_agrees_with_the_listed_slots_on_ordinary_and_clock_change_days(string zoneId, int year, int month, int day)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
        var date = new DateOnly(year, month, day);
        var hours = new OpeningHours(new TimeOnly(0, 0), new TimeOnly(23, 0));
        var rules = new SlotRules(45, 15, 60);
        var dayStartUtc = LocalTime.ToUtc(date, TimeOnly.MinValue, zone);
        List<Interval> busy =
        [
            new(dayStartUtc.AddHours(1), dayStartUtc.AddHours(3)),
            new(dayStartUtc.AddHours(2.5), dayStartUtc.AddHours(4)),
            new(dayStartUtc.AddHours(9), dayStartUtc.AddHours(9.5)),
            new(dayStartUtc.AddHours(12), dayStartUtc.AddHours(20)),
        ];
        var longBefore = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var slots = SlotGrid.ForDay(date, hours, zone, rules, longBefore, busy);

        Assert.NotEmpty(slots);
        Assert.Contains(slots, s => s.IsFree);
        Assert.Contains(slots, s => !s.IsFree);
        Assert.Equal(DayLoads.Of(slots), SlotGrid.LoadOfDay(date, hours, zone, rules, longBefore, busy));
        Assert.Equal(slots.Count, slots.Select(s => s.StartUtc).Distinct().Count());
    }
}
