namespace Booking.Bot.RateLimiting;

/// <summary>
/// P7: counts one booking action of a user. <see cref="ActionLimiter"/> keeps the counts in this process; with
/// REDIS_URL the host puts a limiter in its place whose counts several bot processes share (ADR 0013).
/// </summary>
public interface IActionLimiter
{
    /// <summary>Allowed, or refused with how long to wait before the same action is free again.</summary>
    ValueTask<ActionPermit> TryAcquireAsync(long userId, CancellationToken ct);
}

public readonly record struct ActionPermit(bool Allowed, TimeSpan RetryAfter)
{
    public static readonly ActionPermit Granted = new(true, TimeSpan.Zero);
}
