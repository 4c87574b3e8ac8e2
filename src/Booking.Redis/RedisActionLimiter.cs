using Booking.Bot;
using Booking.Bot.RateLimiting;
using StackExchange.Redis;

namespace Booking.Redis;

/// <summary>
/// P7 across several bot processes: the same exact sliding log as <see cref="ActionLimiter"/>, kept in a Redis sorted
/// set per user and checked and updated by one script, so two processes cannot both take the last permit. Times come
/// from the injected clock, not Redis TIME, so the processes' clocks must agree (NTP) and tests can move time. While
/// Redis is out of use each process counts on its own (<see cref="ActionLimiter"/>), which at worst lets a user take
/// the limit once per process.
/// </summary>
public sealed class RedisActionLimiter(RedisLink link, ActionLimiter local, BotOptions options, TimeProvider clock) : IActionLimiter
{
    // KEYS: the user's log. ARGV: now (ms), window (ms), limit, a unique member. Returns {1, 0} or {0, ms until free}.
    private const string AcquireScript = """
        local now = tonumber(ARGV[1])
        local window = tonumber(ARGV[2])
        local limit = tonumber(ARGV[3])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        local count = redis.call('ZCARD', KEYS[1])
        if count < limit then
          redis.call('ZADD', KEYS[1], now, ARGV[4])
          redis.call('PEXPIRE', KEYS[1], window + 1000)
          return {1, 0}
        end
        local oldest = redis.call('ZRANGE', KEYS[1], count - limit, count - limit, 'WITHSCORES')
        return {0, tonumber(oldest[2]) + window - now}
        """;

    public async ValueTask<ActionPermit> TryAcquireAsync(long userId, CancellationToken ct)
    {
        if (await link.AcquireAsync(ct) is { } redis)
        {
            try
            {
                var result = (RedisValue[]?)await redis.ScriptEvaluateAsync(
                    AcquireScript,
                    [link.Keys.RateLimit(userId)],
                    [clock.GetUtcNow().ToUnixTimeMilliseconds(), (long)options.RateLimit.Window.TotalMilliseconds, options.RateLimit.Actions,
                        Guid.NewGuid().ToString("N")]);
                if (result is [var allowed, var waitMs])
                {
                    return (int)allowed == 1 ? ActionPermit.Granted : new ActionPermit(false, TimeSpan.FromMilliseconds((long)waitMs));
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                link.ReportFailure(e);
            }
        }

        RedisMetrics.Fallbacks.WithLabels(RedisMetrics.RateLimit).Inc();
        return await local.TryAcquireAsync(userId, ct);
    }
}
