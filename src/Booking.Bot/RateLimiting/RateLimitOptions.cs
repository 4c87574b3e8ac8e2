namespace Booking.Bot.RateLimiting;

/// <summary>P7: how many booking actions one user may take per window; validated by the host at start.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimit";

    /// <summary>RATE_LIMIT_ACTIONS.</summary>
    public int Actions { get; init; } = 3;

    /// <summary>RATE_LIMIT_WINDOW_SECONDS.</summary>
    public TimeSpan Window { get; init; } = TimeSpan.FromSeconds(10);
}
