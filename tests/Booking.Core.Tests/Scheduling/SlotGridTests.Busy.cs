using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public partial class SlotGridTests
{
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
}
