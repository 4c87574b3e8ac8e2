using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public partial class SlotGridTests
{
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
}
