using System.Threading.RateLimiting;

namespace Booking.Bot.RateLimiting;

/// <summary>
/// At most <c>limit</c> permits in any window of <c>window</c>, exactly: it remembers when each of the last
/// <c>limit</c> permits was granted, on the injected clock. The platform's sliding-window and token-bucket limiters
/// read Stopwatch time and cannot be driven by a <see cref="TimeProvider"/>; this one plugs into the platform's
/// <see cref="PartitionedRateLimiter"/> in their place (ADR 0005). Requests are never queued: a booking action that
/// is over the limit is refused at once and told how long to wait.
/// </summary>
internal sealed class SlidingLogLimiter : RateLimiter
{
    private static readonly Lease Granted = new(true, null);

    private readonly int _limit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly Action? _onDisposed;
    private readonly Queue<DateTimeOffset> _granted;
    private readonly Lock _gate = new();
    private DateTimeOffset _idleSince;
    private long _successful;
    private long _failed;
    private bool _disposed;

    public SlidingLogLimiter(int limit, TimeSpan window, TimeProvider clock, Action? onDisposed = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        (_limit, _window, _clock, _onDisposed) = (limit, window, clock, onDisposed);
        _granted = new Queue<DateTimeOffset>(limit);
        _idleSince = clock.GetUtcNow();
    }

    /// <summary>
    /// How long every permit has been free: null while any grant is still inside the window. The partitioned limiter
    /// drops a user's limiter once this passes ten seconds, which bounds memory by the users active just now.
    /// </summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _clock.GetUtcNow();
                Forget(now);
                return _granted.Count == 0 ? now - _idleSince : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Forget(_clock.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _limit - _granted.Count,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _failed,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _limit);
        lock (_gate)
        {
            if (_disposed)
            {
                // Only an idle limiter is disposed (or the whole host is stopping): its user had every permit.
                return Granted;
            }

            var now = _clock.GetUtcNow();
            Forget(now);
            var needed = Math.Max(permitCount, 1);
            if (_granted.Count + needed <= _limit)
            {
                for (var i = 0; i < permitCount; i++)
                {
                    _granted.Enqueue(now);
                }

                _successful++;
                return Granted;
            }

            // Free again once enough of the oldest grants have left the window.
            _failed++;
            var freeAt = _granted.ElementAt(_granted.Count + needed - _limit - 1) + _window;
            return new Lease(false, freeAt - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    protected override void Dispose(bool disposing)
    {
        bool first;
        lock (_gate)
        {
            first = !_disposed;
            _disposed = true;
        }

        if (first)
        {
            _onDisposed?.Invoke();
        }

        base.Dispose(disposing);
    }

    private void Forget(DateTimeOffset now)
    {
        while (_granted.TryPeek(out var oldest) && oldest + _window <= now)
        {
            _granted.Dequeue();
            _idleSince = oldest + _window;
        }
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
