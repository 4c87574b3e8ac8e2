using Booking.Bot;
using Booking.Bot.RateLimiting;
using Booking.Redis;
using Booking.TestKit.Redis;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Booking.Web.Tests.Redis;

/// <summary>P7 with REDIS_URL: one limit per user shared by every bot process, and the in-process limit while Redis is away.</summary>
public sealed class RedisActionLimiterTests : IAsyncLifetime
{
    private const long Anna = 1001;

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = TestRedis.NewPrefix();
    private readonly List<IAsyncDisposable> _owned = [];
    private readonly BotOptions _options = new()
    {
        Token = "1:x", AdminIds = new HashSet<long>(), ApiUrl = new Uri("http://localhost"),
        RateLimit = new RateLimitOptions { Actions = 3, Window = TimeSpan.FromSeconds(10) },
    };

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            await owned.DisposeAsync();
        }
    }

    /// <summary>One bot process's limiter: its own connection to Redis and its own in-process fallback.</summary>
    private async Task<(RedisActionLimiter Limiter, RedisLink Link)> ProcessAsync(string? url = null)
    {
        var (options, error) = RedisSettings.Parse(url ?? "redis://" + TestRedis.Server);
        Assert.Null(error);
        var link = new RedisLink(new RedisSettings(options!, _prefix, "test"), NullLogger<RedisLink>.Instance);
        _owned.Add(link);
        await link.ConnectAsync(CancellationToken.None);
        var local = new ActionLimiter(_options, _clock);
        _owned.Add(new Disposer(local));
        return (new RedisActionLimiter(link, local, _options, _clock), link);
    }

    private static async Task<bool> AllowedAsync(RedisActionLimiter limiter) => (await limiter.TryAcquireAsync(Anna, CancellationToken.None)).Allowed;

    [RedisFact]
    public async Task Two_processes_share_one_limit_and_both_say_when_it_frees()
    {
        var (a, _) = await ProcessAsync();
        var (b, _) = await ProcessAsync();

        Assert.True(await AllowedAsync(a));
        _clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(await AllowedAsync(b));
        Assert.True(await AllowedAsync(a));

        var refused = await b.TryAcquireAsync(Anna, CancellationToken.None);
        Assert.False(refused.Allowed);
        Assert.Equal(TimeSpan.FromSeconds(6), refused.RetryAfter); // the first action leaves the window in 6 s
        Assert.False(await AllowedAsync(a));
        Assert.True((await a.TryAcquireAsync(1002, CancellationToken.None)).Allowed); // another user is not affected

        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.True(await AllowedAsync(b));
        Assert.False(await AllowedAsync(a));
    }

    [RedisFact]
    public async Task Forty_taps_at_once_through_two_processes_get_exactly_three_permits()
    {
        var (a, _) = await ProcessAsync();
        var (b, _) = await ProcessAsync();

        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).TryAcquireAsync(Anna, CancellationToken.None).AsTask()));

        Assert.Equal(3, results.Count(r => r.Allowed));
    }

    [RedisFact]
    public async Task While_Redis_is_down_the_limit_holds_in_the_process_and_Redis_is_used_again_once_it_is_back()
    {
        await using var server = await RedisServer.StartAsync();
        var (limiter, link) = await ProcessAsync(server.Url);
        Assert.True(await AllowedAsync(limiter));
        Assert.True(link.InUse);

        await server.StopAsync();
        var fallbacks = RedisMetrics.Fallbacks.WithLabels(RedisMetrics.RateLimit).Value;
        Assert.True(await AllowedAsync(limiter));
        Assert.True(await AllowedAsync(limiter));
        Assert.True(await AllowedAsync(limiter));
        Assert.False(await AllowedAsync(limiter));
        Assert.False(link.InUse);
        Assert.True(RedisMetrics.Fallbacks.WithLabels(RedisMetrics.RateLimit).Value >= fallbacks + 4);

        await server.StartAsync();
        await link.WaitUntilInUseAsync();
        _clock.Advance(TimeSpan.FromSeconds(10));
        var (other, _) = await ProcessAsync(server.Url);
        Assert.True(await AllowedAsync(limiter));
        Assert.True(await AllowedAsync(other));
        Assert.True(await AllowedAsync(limiter));
        Assert.False(await AllowedAsync(other)); // counted together again
    }

    private sealed class Disposer(IDisposable inner) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            inner.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
