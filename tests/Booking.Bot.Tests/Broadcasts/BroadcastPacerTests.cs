using Booking.Bot.Broadcasts;
using Microsoft.Extensions.Time.Testing;

namespace Booking.Bot.Tests.Broadcasts;

/// <summary>A7 and ADR 0022: the broadcast pace on a fake clock, and how it tells one chat's 429 from the bot's.</summary>
public sealed class BroadcastPacerTests
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));

    private BroadcastPacer Pacer(int rate) => new(
        new BotOptions
        {
            Token = "1:x", AdminIds = new HashSet<long>(), ApiUrl = new Uri("http://localhost"),
            Broadcast = new BroadcastOptions { MessagesPerSecond = rate },
        },
        _clock);

    /// <summary>The turn if it is free now; null (and nothing booked) when the send would have to wait for the clock.</summary>
    private static BroadcastPacer.Turn? TurnIfFree(BroadcastPacer pacer)
    {
        using var cancel = new CancellationTokenSource();
        var turn = pacer.WaitTurnAsync(cancel.Token);
        if (turn.IsCompletedSuccessfully)
        {
            return turn.Result;
        }

        cancel.Cancel();
        return null;
    }

    private static BroadcastPacer.Turn TurnNow(BroadcastPacer pacer) => TurnIfFree(pacer) ?? throw new Xunit.Sdk.XunitException("the send had to wait for the clock");

    private static bool MustWait(BroadcastPacer pacer) => TurnIfFree(pacer) is null;

    [Fact]
    public void Eight_refusals_among_the_last_twenty_sends_are_systemic_seven_are_not()
    {
        var window = new RefusalWindow();
        var outcomes = Enumerable.Range(0, 20).Select(i => i % 3 == 1).ToList(); // 7 refused, spread out, the first send delivered

        Assert.DoesNotContain(true, outcomes.Select(window.Add));
        Assert.True(window.Add(refused: true));
    }

    [Fact]
    public void A_refusal_in_every_twenty_sends_never_looks_systemic_however_long_it_goes_on()
    {
        var window = new RefusalWindow();

        var systemic = Enumerable.Range(0, 10_000).Select(i => window.Add(refused: i % 20 == 7)).Count(s => s);

        Assert.Equal(0, systemic);
        Assert.Equal(1, window.Refused);
    }

    [Fact]
    public void A_refused_send_gives_its_turn_back_so_the_second_still_holds_the_full_rate_of_deliveries()
    {
        var pacer = Pacer(rate: 3);
        var turns = Enumerable.Range(0, 3).Select(_ => TurnNow(pacer)).ToList();
        Assert.True(MustWait(pacer));

        Assert.False(pacer.Refused(turns[1], RetryAfter));

        TurnNow(pacer);
        Assert.True(MustWait(pacer));
        Assert.Equal(3, pacer.Pace);
    }

    [Fact]
    public void Refusals_scattered_among_deliveries_hold_nobody_until_eight_of_the_last_twenty_then_every_send_waits_retry_after()
    {
        var pacer = Pacer(rate: 100);
        for (var i = 0; i < 19; i++)
        {
            var turn = TurnNow(pacer);
            if (i % 4 == 0)
            {
                Assert.False(pacer.Refused(turn, RetryAfter));
            }
            else
            {
                pacer.Delivered();
            }
        }

        // 5 of 19 so far; the window slides past the first refusal as these come in.
        var refusals = Enumerable.Range(0, 4).Select(_ => pacer.Refused(TurnNow(pacer), RetryAfter)).ToList();

        Assert.Equal([false, false, false, true], refusals);
        Assert.True(MustWait(pacer));
        _clock.Advance(RetryAfter - TimeSpan.FromMilliseconds(1));
        Assert.True(MustWait(pacer));
        _clock.Advance(TimeSpan.FromMilliseconds(1));
        TurnNow(pacer);
        Assert.Equal(1, pacer.SystemicPauses);
    }

    [Fact]
    public void After_a_storm_the_pace_drops_by_a_quarter_and_climbs_back_one_a_second()
    {
        var pacer = Pacer(rate: 8);
        Assert.Contains(true, Enumerable.Range(0, RefusalWindow.SystemicAt).Select(_ => pacer.Refused(TurnNow(pacer), RetryAfter)).ToList());
        _clock.Advance(RetryAfter);

        var perSecond = new List<int>();
        for (var second = 0; second < 4; second++)
        {
            var sent = 0;
            while (TurnIfFree(pacer) is not null)
            {
                pacer.Delivered();
                sent++;
            }

            perSecond.Add(sent);
            _clock.Advance(BroadcastPacer.Window);
        }

        Assert.Equal([6, 7, 8, 8], perSecond);
        Assert.Equal(8, pacer.Pace);
    }
}
