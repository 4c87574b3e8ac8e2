using System.Threading.RateLimiting;

namespace Booking.Bot.RateLimiting;

/// <summary>
/// P7: a per-user limit on booking actions (by default 3 per 10 s; RATE_LIMIT_ACTIONS, RATE_LIMIT_WINDOW_SECONDS).
/// The platform's <see cref="PartitionedRateLimiter"/> keeps one <see cref="SlidingLogLimiter"/> per user id and
/// drops it once the user has been idle for a while, so memory follows the users active now, not all users ever.
/// </summary>
public sealed class ActionLimiter : IActionLimiter, IDisposable
{
    private readonly PartitionedRateLimiter<long> _limiter;
    private readonly TimeSpan _window;
    private int _tracked;

    public ActionLimiter(BotOptions options, TimeProvider clock)
    {
        var (actions, window) = (options.RateLimit.Actions, options.RateLimit.Window);
        _window = window;
        _limiter = PartitionedRateLimiter.Create<long, long>(userId => RateLimitPartition.Get(userId, _ =>
        {
            Interlocked.Increment(ref _tracked);
            return new SlidingLogLimiter(actions, window, clock, () => Interlocked.Decrement(ref _tracked));
        }));
    }

    /// <summary>Users the limiter currently remembers.</summary>
    internal int TrackedUsers => Volatile.Read(ref _tracked);

    /// <summary>Counts one action of this user; false (and how long to wait) when it is one too many.</summary>
    public bool TryAcquire(long userId, out TimeSpan retryAfter)
    {
        using var lease = _limiter.AttemptAcquire(userId);
        retryAfter = lease.IsAcquired ? TimeSpan.Zero
            : lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait
            : _window;
        return lease.IsAcquired;
    }

    public ValueTask<ActionPermit> TryAcquireAsync(long userId, CancellationToken ct) =>
        ValueTask.FromResult(TryAcquire(userId, out var wait) ? ActionPermit.Granted : new ActionPermit(false, wait));

    public void Dispose() => _limiter.Dispose();
}
