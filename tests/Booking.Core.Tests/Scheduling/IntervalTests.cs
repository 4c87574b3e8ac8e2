using Booking.Core.Domain;

namespace Booking.Core.Tests.Scheduling;

public class IntervalTests
{
    private static readonly DateTime Ten = new(2026, 3, 2, 10, 0, 0, DateTimeKind.Utc);

    private static Interval Between(int fromMinute, int toMinute) => new(Ten.AddMinutes(fromMinute), Ten.AddMinutes(toMinute));

    [Fact]
    public void Intervals_that_partly_overlap_overlap_in_both_directions()
    {
        var first = Between(0, 60);
        var second = Between(30, 90);

        Assert.True(first.Overlaps(second));
        Assert.True(second.Overlaps(first));
    }

    [Fact]
    public void Interval_overlaps_one_that_lies_entirely_inside_it()
    {
        var outer = Between(0, 120);
        var inner = Between(45, 50);

        Assert.True(outer.Overlaps(inner));
        Assert.True(inner.Overlaps(outer));
    }

    [Fact]
    public void Identical_intervals_overlap()
    {
        Assert.True(Between(0, 60).Overlaps(Between(0, 60)));
    }

    [Fact]
    public void Intervals_with_the_same_start_and_different_lengths_overlap()
    {
        Assert.True(Between(0, 15).Overlaps(Between(0, 90)));
        Assert.True(Between(0, 90).Overlaps(Between(0, 15)));
    }

    [Fact]
    public void Back_to_back_intervals_do_not_overlap_because_the_end_is_excluded()
    {
        var morning = Between(0, 60);
        var next = Between(60, 120);

        Assert.False(morning.Overlaps(next));
        Assert.False(next.Overlaps(morning));
    }

    [Fact]
    public void Intervals_sharing_a_single_tick_overlap()
    {
        var first = new Interval(Ten, Ten.AddHours(1));
        var second = new Interval(Ten.AddHours(1).AddTicks(-1), Ten.AddHours(2));

        Assert.True(first.Overlaps(second));
        Assert.True(second.Overlaps(first));
    }

    [Fact]
    public void Intervals_separated_by_a_gap_do_not_overlap()
    {
        var first = Between(0, 60);
        var later = Between(61, 120);

        Assert.False(first.Overlaps(later));
        Assert.False(later.Overlaps(first));
    }

    [Fact]
    public void Interval_keeps_its_start_and_end_instants()
    {
        var interval = Between(15, 105);

        Assert.Equal(new DateTime(2026, 3, 2, 10, 15, 0, DateTimeKind.Utc), interval.StartUtc);
        Assert.Equal(new DateTime(2026, 3, 2, 11, 45, 0, DateTimeKind.Utc), interval.EndUtc);
    }
}
