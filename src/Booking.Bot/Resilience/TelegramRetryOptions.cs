namespace Booking.Bot.Resilience;

/// <summary>How calls to the Bot API are retried (P6); see ADR 0004. Validated by the host at start.</summary>
public sealed class TelegramRetryOptions
{
    public const string Section = "TelegramRetry";

    /// <summary>TELEGRAM_RETRIES: retries after the first attempt, for 429, 5xx, network errors and timeouts.</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>TELEGRAM_RETRY_DELAY_MS: the first backoff delay; it doubles per retry, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay, whatever the attempt.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>TELEGRAM_TIMEOUT_SECONDS: how long one attempt may take (a long poll gets its poll time on top).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A 429 asking for a longer wait than this is not waited out in the handler: the caller gets the error at once
    /// (the same default threshold as Telegram.Bot's own retry, which is switched off).
    /// </summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(60);
}
