using Booking.Bot.Receiving;
using Telegram.Bot.Types;

namespace Booking.Bot.Tests.Receiving;

public sealed class UpdateWindowTests
{
    private static Update U(int id) => new() { Id = id };

    [Fact]
    public void Nothing_received_yet_sends_no_offset()
    {
        Assert.Null(new UpdateWindow().Current.Offset);
    }

    [Fact]
    public void The_offset_stays_at_the_lowest_unfinished_update_while_later_ones_finish()
    {
        var window = new UpdateWindow();
        window.Admit([U(5), U(6), U(7)]);

        window.Finish(6);
        window.Finish(7);

        Assert.Equal(5, window.Current.Offset);
        Assert.Equal(1, window.Current.InFlight);
    }

    [Fact]
    public void Once_everything_is_finished_the_offset_confirms_all_of_it()
    {
        var window = new UpdateWindow();
        window.Admit([U(5), U(6)]);

        window.Finish(6);
        window.Finish(5);

        Assert.Equal(7, window.Current.Offset);
        Assert.Equal(0, window.Current.InFlight);
    }

    [Fact]
    public void An_update_delivered_again_is_admitted_only_once()
    {
        var window = new UpdateWindow();
        var first = window.Admit([U(5), U(6)]);
        window.Finish(6);

        var again = window.Admit([U(5), U(6), U(7)]);

        Assert.Equal([5, 6], first.Select(u => u.Id));
        Assert.Equal([7], again.Select(u => u.Id));
        Assert.Equal(5, window.Current.Offset);
    }

    [Fact]
    public void Finishing_an_update_signals_progress_to_a_waiting_poll()
    {
        var window = new UpdateWindow();
        window.Admit([U(1), U(2)]);
        var progress = window.Current.Progress;
        Assert.False(progress.IsCompleted);

        window.Finish(2);

        Assert.True(progress.IsCompleted);
    }

    [Fact]
    public async Task Idle_completes_only_when_the_last_update_in_flight_finishes()
    {
        var window = new UpdateWindow();
        window.Admit([U(1), U(2)]);
        var idle = window.WhenIdleAsync();

        window.Finish(1);
        Assert.False(idle.IsCompleted);
        window.Finish(2);

        await idle.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_poll_waiting_for_half_the_window_wakes_only_when_that_many_have_finished()
    {
        var window = new UpdateWindow();
        var before = window.Current;
        window.Admit([U(1), U(2), U(3), U(4)]);
        var half = window.WhenFinishedAsync(before.Finished, 2);

        window.Finish(3);
        Assert.False(half.IsCompleted);
        window.Finish(1);

        Assert.True(half.IsCompleted);
    }
}
