using Booking.Bot.RateLimiting;
using Microsoft.Extensions.Time.Testing;

namespace Booking.Bot.Tests.RateLimiting;

/// <summary>P7: the per-user limit on booking actions, on a fake clock (3 per 10 s unless a test says otherwise).</summary>
public sealed class ActionLimiterTests : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private ActionLimiter? _limiter;

    private ActionLimiter Limiter(int actions = 3, int windowSeconds = 10) => _limiter = new ActionLimiter(
        new BotOptions
        {
            Token = "1:x", AdminIds = new HashSet<long>(), ApiUrl = new Uri("http://localhost"),
            RateLimit = new RateLimitOptions { Actions = actions, Window = TimeSpan.FromSeconds(windowSeconds) },
        },
        _clock);

    [Fact]
    public void Allows_three_actions_and_refuses_the_fourth_within_ten_seconds()
    {
        var limiter = Limiter();

        Assert.True(limiter.TryAcquire(1001, out _));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(limiter.TryAcquire(1001, out _));
        Assert.True(limiter.TryAcquire(1001, out _));
        _clock.Advance(TimeSpan.FromSeconds(5.9));

        Assert.False(limiter.TryAcquire(1001, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(0.1), wait);
    }

    [Fact]
    public void The_window_slides_one_action_becomes_free_when_the_oldest_leaves_the_window()
    {
        var limiter = Limiter();
        limiter.TryAcquire(1001, out _);                 // t = 0
        _clock.Advance(TimeSpan.FromSeconds(6));
        limiter.TryAcquire(1001, out _);                 // t = 6
        limiter.TryAcquire(1001, out _);                 // t = 6

        _clock.Advance(TimeSpan.FromSeconds(4));         // t = 10: the first has left the window
        Assert.True(limiter.TryAcquire(1001, out _));
        Assert.False(limiter.TryAcquire(1001, out var wait));
        Assert.Equal(TimeSpan.FromSeconds(6), wait);     // until the pair from t = 6 leaves at t = 16
    }

    [Fact]
    public void Refused_actions_do_not_count_against_the_user()
    {
        var limiter = Limiter();
        for (var i = 0; i < 3; i++)
        {
            limiter.TryAcquire(1001, out _);
        }

        for (var i = 0; i < 20; i++)
        {
            Assert.False(limiter.TryAcquire(1001, out _));
        }

        _clock.Advance(TimeSpan.FromSeconds(10));
        Assert.True(limiter.TryAcquire(1001, out _));
    }

    [Fact]
    public void Each_user_has_a_limit_of_their_own()
    {
        var limiter = Limiter(actions: 1);

        Assert.True(limiter.TryAcquire(1001, out _));
        Assert.False(limiter.TryAcquire(1001, out _));
        Assert.True(limiter.TryAcquire(1002, out _));
    }

    [Fact]
    public void Limit_and_window_come_from_the_options()
    {
        var limiter = Limiter(actions: 5, windowSeconds: 60);
        for (var i = 0; i < 5; i++)
        {
            Assert.True(limiter.TryAcquire(1001, out _));
        }

        _clock.Advance(TimeSpan.FromSeconds(59));
        Assert.False(limiter.TryAcquire(1001, out _));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryAcquire(1001, out _));
    }

    [Fact]
    public async Task Users_who_went_quiet_are_forgotten_so_memory_follows_the_active_users()
    {
        var limiter = Limiter();
        for (long user = 1; user <= 5000; user++)
        {
            limiter.TryAcquire(user, out _);
        }

        _clock.Advance(TimeSpan.FromSeconds(15));
        limiter.TryAcquire(42, out _);                   // one user is still active at t = 15
        Assert.Equal(5000, limiter.TrackedUsers);

        // The others' windows closed at t = 10; ten seconds later the platform's sweep (every 100 ms) drops them.
        _clock.Advance(TimeSpan.FromSeconds(6));
        var started = TimeProvider.System.GetTimestamp();
        while (limiter.TrackedUsers > 1 && TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(5))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }

        Assert.Equal(1, limiter.TrackedUsers);
        Assert.True(limiter.TryAcquire(42, out _));
        Assert.True(limiter.TryAcquire(42, out _));
        Assert.False(limiter.TryAcquire(42, out _));     // the action at t = 15 is still remembered
    }

    public void Dispose() => _limiter?.Dispose();
}
