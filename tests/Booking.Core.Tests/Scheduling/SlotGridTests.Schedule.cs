using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public partial class SlotGridTests
{
    // ---- weekly schedule, days off and exceptions ----

    private static WeekSchedule Weekdays(params SpecialDay[] exceptions) =>
        new(
            [
                new WorkingDay(DayOfWeek.Monday, T(9), T(18)),
                new WorkingDay(DayOfWeek.Tuesday, T(9), T(18)),
                new WorkingDay(DayOfWeek.Wednesday, T(9), T(18)),
                new WorkingDay(DayOfWeek.Thursday, T(9), T(18)),
                new WorkingDay(DayOfWeek.Friday, T(9), T(18)),
                new WorkingDay(DayOfWeek.Saturday, T(10), T(14)),
            ],
            exceptions);

    [Fact]
    public void Weekday_hours_shape_the_slots_of_each_day()
    {
        var schedule = Weekdays();
        var saturday = Monday.AddDays(5);

        var monday = SlotGrid.ForDay(Monday, schedule.HoursOn(Monday), Moscow, Rules(60, 60), LongBefore, []);
        var saturdaySlots = SlotGrid.ForDay(saturday, schedule.HoursOn(saturday), Moscow, Rules(60, 60), LongBefore, []);

        Assert.Equal(9, monday.Count);
        Assert.Equal("10:00 11:00 12:00 13:00", Times(saturdaySlots));
        Assert.Equal(Utc(2026, 3, 7, 7), saturdaySlots[0].StartUtc);
    }

    [Fact]
    public void Day_off_gets_no_slots()
    {
        var sunday = Monday.AddDays(6);

        Assert.Empty(SlotGrid.ForDay(sunday, Weekdays().HoursOn(sunday), Moscow, Rules(60, 60), LongBefore, []));
    }

    [Fact]
    public void Holiday_on_a_working_weekday_gets_no_slots()
    {
        var schedule = Weekdays(SpecialDay.Closed(Monday, "Holiday"));

        Assert.Empty(SlotGrid.ForDay(Monday, schedule.HoursOn(Monday), Moscow, Rules(60, 60), LongBefore, []));
        Assert.Equal(9, SlotGrid.ForDay(Monday.AddDays(1), schedule.HoursOn(Monday.AddDays(1)), Moscow, Rules(60, 60), LongBefore, []).Count);
    }

    [Fact]
    public void Special_hours_replace_the_weekday_hours_for_that_date()
    {
        var schedule = Weekdays(SpecialDay.SpecialHours(Monday, T(12), T(15, 30)));

        var slots = SlotGrid.ForDay(Monday, schedule.HoursOn(Monday), Moscow, Rules(60, 30), LongBefore, []);

        Assert.Equal("12:00 12:30 13:00 13:30 14:00 14:30", Times(slots));
    }

    [Fact]
    public void Special_hours_on_a_day_off_open_it()
    {
        var sunday = Monday.AddDays(6);
        var schedule = Weekdays(SpecialDay.SpecialHours(sunday, T(11), T(13)));

        var slots = SlotGrid.ForDay(sunday, schedule.HoursOn(sunday), Moscow, Rules(45, 30), LongBefore, []);

        Assert.Equal("11:00 11:30 12:00", Times(slots));
    }
}
