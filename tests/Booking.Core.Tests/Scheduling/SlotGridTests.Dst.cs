using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Scheduling;

namespace Booking.Core.Tests.Scheduling;

public partial class SlotGridTests
{
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
