namespace Booking.Bot.Broadcasts;

/// <summary>
/// At most <see cref="BroadcastOptions.MessagesPerSecond"/> sends in any one second, exactly: it remembers when each
/// of the last N sends went out and waits, on the injected clock, until the oldest is a second old. Flood control
/// (ADR 0022): a send refused with 429 gives its turn back, since it delivered nothing; refusals scattered among
/// deliveries hold back only their own copies (the sender postpones them), while a window of refusals
/// (<see cref="RefusalWindow"/>) holds every send for retry_after and steps the pace down by a quarter; it climbs
/// back by one a second once sending resumes. Tests move the clock instead of sleeping.
/// </summary>
public sealed class BroadcastPacer(BotOptions options, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);

    private readonly LinkedList<DateTimeOffset> _recent = new();
    private readonly RefusalWindow _refusals = new();
    private readonly Lock _gate = new();
    private DateTimeOffset _holdUntil = DateTimeOffset.MinValue;
    private int _pace = options.Broadcast.MessagesPerSecond;
    private DateTimeOffset _climbedAt;
    private int _waiting;
    private int _pauses;

    /// <summary>True while a send waits for its turn: nothing more can go out until the clock moves on.</summary>
    public bool IsWaiting => Volatile.Read(ref _waiting) > 0;

    /// <summary>Sends allowed per second now: the configured rate, or less for a while after a systemic pause.</summary>
    public int Pace
    {
        get
        {
            lock (_gate)
            {
                return _pace;
            }
        }
    }

    /// <summary>How many times refusals held every send since the process started.</summary>
    public int SystemicPauses => Volatile.Read(ref _pauses);

    /// <summary>Waits until a send may go out and books its place in the second; a refused send gives it back.</summary>
    public async Task<Turn> WaitTurnAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                Climb(now);
                while (_recent.First is { } oldest && now - oldest.Value >= Window)
                {
                    _recent.RemoveFirst();
                }

                var full = _recent.Count >= _pace ? _recent.First!.Value + Window - now : TimeSpan.Zero;
                wait = _holdUntil - now > full ? _holdUntil - now : full;
                if (wait <= TimeSpan.Zero)
                {
                    return new Turn(_recent.AddLast(now));
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

    /// <summary>The send reached Telegram and was not refused by flood control: its turn is spent.</summary>
    public void Delivered()
    {
        lock (_gate)
        {
            _refusals.Add(refused: false);
        }
    }

    /// <summary>
    /// Telegram refused the send with 429 and asked to wait <paramref name="wait"/>: the turn is given back. Returns
    /// true when the refusals have become systemic and every send is now held for the wait.
    /// </summary>
    public bool Refused(Turn turn, TimeSpan wait)
    {
        lock (_gate)
        {
            if (turn.Booked.List == _recent)
            {
                _recent.Remove(turn.Booked);
            }

            if (!_refusals.Add(refused: true))
            {
                return false;
            }

            _refusals.Clear();
            _pace = Math.Max(1, _pace - Math.Max(1, _pace / 4));
            _pauses++;
            var until = clock.GetUtcNow() + wait;
            _holdUntil = until > _holdUntil ? until : _holdUntil;
            _climbedAt = _holdUntil;
            return true;
        }
    }

    /// <summary>One more send a second for every second since sending resumed (or last climbed), up to the rate.</summary>
    private void Climb(DateTimeOffset now)
    {
        if (_pace >= options.Broadcast.MessagesPerSecond || now - _climbedAt < Window)
        {
            return;
        }

        var seconds = (int)Math.Min((now - _climbedAt) / Window, options.Broadcast.MessagesPerSecond);
        _pace = Math.Min(options.Broadcast.MessagesPerSecond, _pace + seconds);
        _climbedAt += seconds * Window;
    }

    /// <summary>A send's place in the pacer's second.</summary>
    public sealed record Turn(LinkedListNode<DateTimeOffset> Booked);
}
