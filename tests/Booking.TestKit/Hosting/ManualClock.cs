namespace Booking.TestKit.Hosting;

/// <summary>
/// A clock whose date and time are set by the test, forwards or backwards — what an NTP correction or a host whose
/// clock was wrong does to a running bot. FakeTimeProvider refuses to go back, so it cannot play that.
/// Timers and timestamps stay on real time: periodic jobs keep ticking and retry pauses really pass, while every
/// "now" the bot reads comes from here.
/// </summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <summary>Sets "now" to any instant, earlier than the current one included.</summary>
    public void Set(DateTimeOffset utcNow)
    {
        lock (_gate)
        {
            _now = utcNow.ToUniversalTime();
        }
    }

    /// <summary>Moves "now" by <paramref name="delta"/>, which may be negative.</summary>
    public void Jump(TimeSpan delta)
    {
        lock (_gate)
        {
            _now += delta;
        }
    }

    public override long GetTimestamp() => System.GetTimestamp();

    public override long TimestampFrequency => System.TimestampFrequency;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        System.CreateTimer(callback, state, dueTime, period);
}
