namespace Booking.Bot.Broadcasts;

/// <summary>
/// At most <see cref="BroadcastOptions.MessagesPerSecond"/> sends in any one second, exactly: it remembers when each
/// of the last N sends went out and waits, on the injected clock, until the oldest is a second old. Flood control
/// from Telegram (a 429 that outlasted the retries) holds every send until its wait is over. Tests move the clock
/// instead of sleeping.
/// </summary>
public sealed class BroadcastPacer(BotOptions options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _holdUntil = DateTimeOffset.MinValue;
    private int _waiting;

    /// <summary>True while a send waits for its turn: nothing more can go out until the clock moves on.</summary>
    public bool IsWaiting => Volatile.Read(ref _waiting) > 0;

    public async Task WaitTurnAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                while (_recent.Count > 0 && now - _recent.Peek() >= Window)
                {
                    _recent.Dequeue();
                }

                var full = _recent.Count >= options.Broadcast.MessagesPerSecond ? _recent.Peek() + Window - now : TimeSpan.Zero;
                wait = _holdUntil - now > full ? _holdUntil - now : full;
                if (wait <= TimeSpan.Zero)
                {
                    _recent.Enqueue(now);
                    return;
                }
            }

            Interlocked.Increment(ref _waiting);
            try
            {
                await Task.Delay(wait, clock, ct);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }

    /// <summary>Telegram asked to wait (429 retry_after): nothing is sent before then.</summary>
    public void Hold(TimeSpan wait)
    {
        lock (_gate)
        {
            var until = clock.GetUtcNow() + wait;
            if (until > _holdUntil)
            {
                _holdUntil = until;
            }
        }
    }
}
