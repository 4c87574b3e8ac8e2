using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

/// <summary>Tests for <see cref="WeekSchedule"/>, which lives in OpeningHours.cs.</summary>
public class OpeningHoursTests
{
    // 2026-03-02 is a Monday.
    private static readonly DateOnly Monday = new(2026, 3, 2);
    private static readonly DateOnly Saturday = new(2026, 3, 7);
    private static readonly DateOnly Sunday = new(2026, 3, 8);

    private static TimeOnly T(int hour, int minute = 0) => new(hour, minute);

    /// <summary>Monday to Friday 09:00-18:00, Saturday 10:00-14:30, Sunday off (not listed).</summary>
    private static List<WorkingDay> Week() =>
    [
        new(DayOfWeek.Monday, T(9), T(18)),
        new(DayOfWeek.Tuesday, T(9), T(18)),
        new(DayOfWeek.Wednesday, T(9), T(18)),
        new(DayOfWeek.Thursday, T(9), T(18)),
        new(DayOfWeek.Friday, T(9), T(18)),
        new(DayOfWeek.Saturday, T(10), T(14, 30)),
    ];

    [Fact]
    public void Working_weekday_is_open_at_its_weekday_hours()
    {
        var schedule = new WeekSchedule(Week(), []);

        Assert.Equal(new OpeningHours(T(9), T(18)), schedule.HoursOn(Monday));
        Assert.Equal(new OpeningHours(T(9), T(18)), schedule.HoursOn(Monday.AddDays(4)));
    }

    [Fact]
    public void Each_weekday_has_its_own_hours()
    {
        var schedule = new WeekSchedule(Week(), []);

        Assert.Equal(new OpeningHours(T(10), T(14, 30)), schedule.HoursOn(Saturday));
    }

    [Fact]
    public void Weekday_missing_from_the_schedule_is_a_day_off()
    {
        var schedule = new WeekSchedule(Week(), []);

        Assert.Null(schedule.HoursOn(Sunday));
    }

    [Fact]
    public void Weekday_marked_closed_is_a_day_off()
    {
        var days = Week();
        days.Add(new WorkingDay(DayOfWeek.Sunday, T(11), T(15), isOpen: false));
        var schedule = new WeekSchedule(days, []);

        Assert.Null(schedule.HoursOn(Sunday));
    }

    [Fact]
    public void Weekday_closed_after_creation_is_a_day_off()
    {
        var days = Week();
        days[0].Close();
        var schedule = new WeekSchedule(days, []);

        Assert.Null(schedule.HoursOn(Monday));
        Assert.Equal(new OpeningHours(T(9), T(18)), schedule.HoursOn(Monday.AddDays(1)));
    }

    [Fact]
    public void Empty_schedule_is_closed_every_day()
    {
        var schedule = new WeekSchedule([], []);

        for (var date = Monday; date < Monday.AddDays(7); date = date.AddDays(1))
        {
            Assert.Null(schedule.HoursOn(date));
        }
    }

    [Fact]
    public void Holiday_closes_a_working_weekday()
    {
        var schedule = new WeekSchedule(Week(), [SpecialDay.Closed(Monday, "Holiday")]);

        Assert.Null(schedule.HoursOn(Monday));
    }

    [Fact]
    public void Holiday_only_closes_its_own_date()
    {
        var schedule = new WeekSchedule(Week(), [SpecialDay.Closed(Monday)]);

        Assert.Equal(new OpeningHours(T(9), T(18)), schedule.HoursOn(Monday.AddDays(-7)));
        Assert.Equal(new OpeningHours(T(9), T(18)), schedule.HoursOn(Monday.AddDays(1)));
        Assert.Equal(new OpeningHours(T(9), T(18)), schedule.HoursOn(Monday.AddDays(7)));
    }

    [Fact]
    public void Special_hours_replace_the_weekday_hours_on_that_date()
    {
        var schedule = new WeekSchedule(Week(), [SpecialDay.SpecialHours(Monday, T(12), T(15, 30))]);

        Assert.Equal(new OpeningHours(T(12), T(15, 30)), schedule.HoursOn(Monday));
        Assert.Equal(new OpeningHours(T(9), T(18)), schedule.HoursOn(Monday.AddDays(7)));
    }

    [Fact]
    public void Special_hours_open_a_day_that_is_normally_off()
    {
        var schedule = new WeekSchedule(Week(), [SpecialDay.SpecialHours(Sunday, T(0), T(6))]);

        Assert.Equal(new OpeningHours(T(0), T(6)), schedule.HoursOn(Sunday));
        Assert.Null(schedule.HoursOn(Sunday.AddDays(7)));
    }

    [Fact]
    public void Special_hours_open_a_weekday_that_was_marked_closed()
    {
        var days = Week();
        days[0].Close();
        var schedule = new WeekSchedule(days, [SpecialDay.SpecialHours(Monday, T(10), T(13))]);

        Assert.Equal(new OpeningHours(T(10), T(13)), schedule.HoursOn(Monday));
        Assert.Null(schedule.HoursOn(Monday.AddDays(7)));
    }

    [Fact]
    public void Several_exceptions_each_apply_to_their_own_date()
    {
        var schedule = new WeekSchedule(
            Week(),
            [SpecialDay.Closed(Monday), SpecialDay.SpecialHours(Monday.AddDays(1), T(9), T(13)), SpecialDay.Closed(Saturday)]);

        Assert.Null(schedule.HoursOn(Monday));
        Assert.Equal(new OpeningHours(T(9), T(13)), schedule.HoursOn(Monday.AddDays(1)));
        Assert.Equal(new OpeningHours(T(9), T(18)), schedule.HoursOn(Monday.AddDays(2)));
        Assert.Null(schedule.HoursOn(Saturday));
    }
}
