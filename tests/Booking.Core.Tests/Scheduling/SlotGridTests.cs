using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public class SlotGridTests
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

    // ---- bookings and blocks ----

    [Fact]
    public void Back_to_back_bookings_leave_the_slot_between_them_free()
    {
        var slots = MoscowMonday(Rules(60, 60), MskBusy(9, 0, 10, 0), MskBusy(11, 0, 12, 0));

        Assert.Equal("09:00 11:00", BusyTimes(slots));
        Assert.Equal("10:00 12:00 13:00 14:00 15:00 16:00 17:00", FreeTimes(slots));
    }

    [Fact]
    public void Slot_ending_when_a_booking_starts_and_slot_starting_when_it_ends_are_free()
    {
        var slots = MoscowMonday(Rules(60, 30), MskBusy(10, 0, 11, 0));

        Assert.Equal("09:30 10:00 10:30", BusyTimes(slots));
        Assert.Equal(T(9), slots[0].LocalStart);
        Assert.True(slots[0].IsFree);
        Assert.Contains(slots, s => s.LocalStart == T(11) && s.IsFree);
    }

    [Fact]
    public void Ninety_minute_booking_makes_every_hour_long_slot_it_touches_busy()
    {
        var slots = MoscowMonday(Rules(60, 30), MskBusy(12, 0, 13, 30));

        Assert.Equal("11:30 12:00 12:30 13:00", BusyTimes(slots));
        Assert.Contains(slots, s => s.LocalStart == T(11) && s.IsFree);
        Assert.Contains(slots, s => s.LocalStart == T(13, 30) && s.IsFree);
    }

    [Fact]
    public void Short_booking_makes_every_long_slot_that_would_cover_it_busy()
    {
        var slots = MoscowMonday(Rules(120, 30), MskBusy(12, 0, 12, 30));

        Assert.Equal("10:30 11:00 11:30 12:00", BusyTimes(slots));
        Assert.Contains(slots, s => s.LocalStart == T(10) && s.IsFree);
        Assert.Contains(slots, s => s.LocalStart == T(12, 30) && s.IsFree);
    }

    [Fact]
    public void Booking_off_the_grid_makes_both_slots_it_straddles_busy()
    {
        var slots = MoscowMonday(Rules(60, 60), MskBusy(10, 40, 11, 25));

        Assert.Equal("10:00 11:00", BusyTimes(slots));
    }

    [Fact]
    public void Several_bookings_of_different_lengths_each_busy_their_own_slots()
    {
        var slots = MoscowMonday(
            Rules(45, 15),
            MskBusy(9, 0, 9, 45),
            MskBusy(11, 0, 12, 30),
            MskBusy(15, 15, 15, 30));

        Assert.Equal(
            "09:00 09:15 09:30 10:30 10:45 11:00 11:15 11:30 11:45 12:00 12:15 14:45 15:00 15:15",
            BusyTimes(slots));
        Assert.Equal(34, slots.Count);
    }

    [Fact]
    public void Block_covering_part_of_a_slot_makes_the_whole_slot_busy()
    {
        var slots = MoscowMonday(Rules(60, 60), MskBusy(14, 15, 14, 20));

        Assert.Equal("14:00", BusyTimes(slots));
        Assert.Equal(9, slots.Count);
    }

    [Fact]
    public void Block_starting_inside_one_slot_and_ending_inside_the_next_makes_both_busy()
    {
        var slots = MoscowMonday(Rules(60, 60), MskBusy(14, 30, 15, 30));

        Assert.Equal("14:00 15:00", BusyTimes(slots));
    }

    [Fact]
    public void Whole_day_block_makes_every_slot_busy()
    {
        var wholeDay = new Interval(Utc(2026, 3, 1, 21), Utc(2026, 3, 2, 21));

        var slots = MoscowMonday(Rules(60, 30), wholeDay);

        Assert.Equal(17, slots.Count);
        Assert.All(slots, s => Assert.False(s.IsFree));
    }

    [Fact]
    public void Block_carried_over_from_the_previous_evening_makes_the_morning_busy()
    {
        var overnight = new Interval(Utc(2026, 3, 1, 17), Msk(11));

        var slots = MoscowMonday(Rules(60, 60), overnight);

        Assert.Equal("09:00 10:00", BusyTimes(slots));
    }

    [Fact]
    public void Busy_time_outside_the_opening_hours_leaves_every_slot_free()
    {
        var slots = MoscowMonday(Rules(60, 60), MskBusy(7, 0, 9, 0), MskBusy(18, 0, 20, 0));

        Assert.Equal(9, slots.Count);
        Assert.All(slots, s => Assert.True(s.IsFree));
    }

    [Fact]
    public void Long_block_keeps_later_slots_busy_after_shorter_bookings_inside_it_have_ended()
    {
        var slots = MoscowMonday(
            Rules(60, 60),
            MskBusy(8, 0, 16, 0),
            MskBusy(9, 0, 9, 30),
            MskBusy(10, 0, 10, 30));

        Assert.Equal("09:00 10:00 11:00 12:00 13:00 14:00 15:00", BusyTimes(slots));
        Assert.Equal("16:00 17:00", FreeTimes(slots));
    }

    [Fact]
    public void Booking_followed_by_an_overlapping_longer_block_busies_every_slot_the_block_touches()
    {
        var slots = MoscowMonday(Rules(60, 60), MskBusy(9, 0, 9, 30), MskBusy(9, 15, 12, 0));

        Assert.Equal("09:00 10:00 11:00", BusyTimes(slots));
    }

    // ---- now and minimum notice ----

    [Fact]
    public void Slots_starting_before_now_plus_minimum_notice_are_left_out()
    {
        var slots = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 60, notice: 60), Msk(10, 20), []);

        Assert.Equal("12:00 13:00 14:00 15:00 16:00 17:00", Times(slots));
        Assert.All(slots, s => Assert.True(s.IsFree));
    }

    [Fact]
    public void Slot_starting_exactly_at_now_plus_minimum_notice_is_offered()
    {
        var slots = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 30, notice: 60), Msk(10), []);

        Assert.Equal(T(11), slots[0].LocalStart);
        Assert.Equal(13, slots.Count);
    }

    [Fact]
    public void Slot_starting_a_minute_short_of_the_notice_is_left_out()
    {
        var slots = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 30, notice: 60), Msk(10, 1), []);

        Assert.Equal(T(11, 30), slots[0].LocalStart);
        Assert.Equal(12, slots.Count);
    }

    [Fact]
    public void Longer_minimum_notice_pushes_the_first_slot_later()
    {
        var slots = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 60, notice: 180), Msk(10), []);

        Assert.Equal("13:00 14:00 15:00 16:00 17:00", Times(slots));
    }

    [Fact]
    public void Zero_notice_still_leaves_out_slots_that_have_already_started()
    {
        var started = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 60, notice: 0), Msk(10, 5), []);
        var onTheDot = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 60, notice: 0), Msk(10), []);

        Assert.Equal(T(11), started[0].LocalStart);
        Assert.Equal(T(10), onTheDot[0].LocalStart);
    }

    [Fact]
    public void Notice_leaves_out_past_slots_without_affecting_busy_marks_of_later_ones()
    {
        var slots = SlotGrid.ForDay(
            Monday, NineToSix, Moscow, Rules(60, 60, notice: 60), Msk(10, 20), [MskBusy(9, 0, 10, 0), MskBusy(13, 0, 14, 0)]);

        Assert.Equal("12:00 13:00 14:00 15:00 16:00 17:00", Times(slots));
        Assert.Equal("13:00", BusyTimes(slots));
    }

    [Fact]
    public void Today_with_the_last_slot_inside_the_notice_has_no_slots()
    {
        var slots = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 60, notice: 60), Msk(16, 30), []);

        Assert.Empty(slots);
    }

    [Fact]
    public void Day_entirely_in_the_past_has_no_slots()
    {
        var nextMorning = Utc(2026, 3, 3, 5);

        Assert.Empty(SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 60), nextMorning, []));
    }

    [Fact]
    public void Notice_given_the_evening_before_keeps_the_whole_next_day()
    {
        var eveningBefore = Utc(2026, 3, 1, 20, 30); // 23:30 Moscow on Sunday

        var slots = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 60, notice: 60), eveningBefore, []);

        Assert.Equal(9, slots.Count);
        Assert.Equal(T(9), slots[0].LocalStart);
    }

    [Fact]
    public void Notice_longer_than_the_night_cuts_into_the_next_morning()
    {
        var eveningBefore = Utc(2026, 3, 1, 20, 30); // 23:30 Moscow; 10 hours later is 09:30 Moscow

        var slots = SlotGrid.ForDay(Monday, NineToSix, Moscow, Rules(60, 60, notice: 600), eveningBefore, []);

        Assert.Equal("10:00 11:00 12:00 13:00 14:00 15:00 16:00 17:00", Times(slots));
    }

    // ---- Berlin and daylight saving time ----

    [Fact]
    public void Berlin_winter_slots_are_one_hour_behind_in_utc()
    {
        var slots = SlotGrid.ForDay(Monday, NineToSix, Berlin, Rules(60, 60), LongBefore, []);

        Assert.Equal("02T08:00 02T09:00 02T10:00 02T11:00 02T12:00 02T13:00 02T14:00 02T15:00 02T16:00", UtcStarts(slots));
    }

    [Fact]
    public void Berlin_summer_slots_are_two_hours_behind_in_utc()
    {
        var slots = SlotGrid.ForDay(new DateOnly(2026, 7, 6), NineToSix, Berlin, Rules(60, 60), LongBefore, []);

        Assert.Equal("06T07:00 06T08:00 06T09:00 06T10:00 06T11:00 06T12:00 06T13:00 06T14:00 06T15:00", UtcStarts(slots));
    }

    [Fact]
    public void Daytime_hours_on_the_spring_forward_day_use_summer_time()
    {
        var slots = SlotGrid.ForDay(SpringForward, NineToSix, Berlin, Rules(60, 60), LongBefore, []);

        Assert.Equal("09:00 10:00 11:00 12:00 13:00 14:00 15:00 16:00 17:00", Times(slots));
        Assert.Equal(Utc(2026, 3, 29, 7), slots[0].StartUtc);
    }

    [Fact]
    public void Spring_forward_day_has_no_slot_at_the_skipped_wall_times()
    {
        var slots = SlotGrid.ForDay(SpringForward, MidnightToSix, Berlin, Rules(60, 30), LongBefore, []);

        Assert.Equal("00:00 00:30 01:00 01:30 03:00 03:30 04:00 04:30 05:00", Times(slots));
        Assert.Equal("28T23:00 28T23:30 29T00:00 29T00:30 29T01:00 29T01:30 29T02:00 29T02:30 29T03:00", UtcStarts(slots));
    }

    [Fact]
    public void Quarter_hour_grid_on_the_spring_forward_day_is_continuous_in_real_time()
    {
        var slots = SlotGrid.ForDay(SpringForward, MidnightToSix, Berlin, Rules(15, 15), LongBefore, []);

        // 00:00-06:00 on this day is five real hours: twenty quarter hours.
        Assert.Equal(20, slots.Count);
        Assert.DoesNotContain(slots, s => s.LocalStart >= T(2) && s.LocalStart < T(3));
        Assert.Equal("01:30 01:45 03:00 03:15", Times(slots.Skip(6).Take(4)));
        for (var i = 1; i < slots.Count; i++)
        {
            Assert.Equal(TimeSpan.FromMinutes(15), slots[i].StartUtc - slots[i - 1].StartUtc);
        }
    }

    [Fact]
    public void Slot_crossing_the_spring_gap_lasts_its_real_duration()
    {
        // Busy 03:00-03:30 CEST. The 01:00 CET slot ends at 02:00 CET = 03:00 CEST, back to back; the 01:30 CET slot
        // lasts a real hour, to 03:30 CEST, so it is busy.
        var busy = new Interval(Utc(2026, 3, 29, 1), Utc(2026, 3, 29, 1, 30));

        var slots = SlotGrid.ForDay(SpringForward, MidnightToSix, Berlin, Rules(60, 30), LongBefore, [busy]);

        Assert.Equal("01:30 03:00", BusyTimes(slots));
        Assert.Contains(slots, s => s.LocalStart == T(1) && s.IsFree);
    }

    [Fact]
    public void Spring_forward_day_last_slot_ends_by_the_real_closing_instant()
    {
        // 00:00 CET to 03:30 CEST is only two and a half real hours.
        var slots = SlotGrid.ForDay(SpringForward, new OpeningHours(T(0), T(3, 30)), Berlin, Rules(120, 30), LongBefore, []);

        Assert.Equal("00:00 00:30", Times(slots));
        Assert.Equal(Utc(2026, 3, 29, 1, 30), slots[^1].StartUtc.AddMinutes(120));
    }

    [Fact]
    public void Ninety_minute_service_on_the_spring_forward_night_skips_the_gap()
    {
        var slots = SlotGrid.ForDay(SpringForward, MidnightToSix, Berlin, Rules(90, 60), LongBefore, []);

        Assert.Equal("00:00 01:00 03:00 04:00", Times(slots));
        Assert.Equal("28T23:00 29T00:00 29T01:00 29T02:00", UtcStarts(slots));
    }

    [Fact]
    public void Minimum_notice_on_the_spring_forward_day_counts_real_minutes()
    {
        var now = Utc(2026, 3, 29, 0, 45); // 01:45 CET; an hour later it is 03:45 CEST

        var slots = SlotGrid.ForDay(SpringForward, MidnightToSix, Berlin, Rules(60, 30, notice: 60), now, []);

        Assert.Equal("04:00 04:30 05:00", Times(slots));
    }

    [Fact]
    public void Fall_back_day_offers_each_repeated_wall_time_once_at_its_first_occurrence()
    {
        var slots = SlotGrid.ForDay(FallBack, MidnightToSix, Berlin, Rules(60, 60), LongBefore, []);

        Assert.Equal("00:00 01:00 02:00 03:00 04:00 05:00", Times(slots));
        Assert.Equal("24T22:00 24T23:00 25T00:00 25T02:00 25T03:00 25T04:00", UtcStarts(slots));
    }

    [Fact]
    public void Fall_back_half_hour_grid_maps_the_repeated_hour_to_daylight_time()
    {
        var slots = SlotGrid.ForDay(FallBack, MidnightToSix, Berlin, Rules(60, 30), LongBefore, []);

        Assert.Equal("00:00 00:30 01:00 01:30 02:00 02:30 03:00 03:30 04:00 04:30 05:00", Times(slots));
        Assert.Equal(Utc(2026, 10, 25, 0), slots[4].StartUtc);
        Assert.Equal(Utc(2026, 10, 25, 0, 30), slots[5].StartUtc);
        Assert.Equal(Utc(2026, 10, 25, 2), slots[6].StartUtc);
        Assert.Equal(slots.Count, slots.Select(s => s.LocalStart).Distinct().Count());
    }

    [Fact]
    public void Slot_in_the_repeated_hour_lasts_its_real_duration()
    {
        // Busy 02:00-03:00 CET (the second 02:00). The 02:30 CEST slot runs to 01:30 UTC and overlaps it; the 02:00
        // CEST slot ends at 01:00 UTC and the 03:00 CET slot starts at 02:00 UTC, both back to back.
        var busy = new Interval(Utc(2026, 10, 25, 1), Utc(2026, 10, 25, 2));

        var slots = SlotGrid.ForDay(FallBack, MidnightToSix, Berlin, Rules(60, 30), LongBefore, [busy]);

        Assert.Equal("02:30", BusyTimes(slots));
    }

    [Fact]
    public void Fall_back_day_last_slot_ends_by_the_real_closing_instant()
    {
        // 00:00 CEST to 03:00 CET is four real hours, so a two-hour service still fits at 02:00 CEST.
        var slots = SlotGrid.ForDay(FallBack, new OpeningHours(T(0), T(3)), Berlin, Rules(120, 60), LongBefore, []);

        Assert.Equal("00:00 01:00 02:00", Times(slots));
        Assert.Equal(Utc(2026, 10, 25, 2), slots[^1].StartUtc.AddMinutes(120));
    }

    [Fact]
    public void Minimum_notice_on_the_fall_back_day_counts_real_minutes()
    {
        var now = Utc(2026, 10, 25, 0, 10); // 02:10 CEST; an hour later it is 02:10 CET

        var slots = SlotGrid.ForDay(FallBack, MidnightToSix, Berlin, Rules(60, 30, notice: 60), now, []);

        Assert.Equal("03:00 03:30 04:00 04:30 05:00", Times(slots));
    }
}
