using System.Globalization;
using Booking.Bot.RateLimiting;
using Booking.Bot.Resilience;
using Microsoft.Extensions.Configuration;

namespace Booking.Web;

/// <summary>P6/P7: how hard the bot retries Telegram, and how fast one user may take booking actions.</summary>
public sealed partial record StartupSettings
{
    public RateLimitOptions RateLimit { get; init; } = new();

    public TelegramRetryOptions TelegramRetry { get; init; } = new();

    private static (RateLimitOptions RateLimit, TelegramRetryOptions Retry) ReadLimits(IConfiguration config, List<string> errors)
    {
        var rateLimit = new RateLimitOptions
        {
            Actions = WholeNumber(config, "RATE_LIMIT_ACTIONS", 3, 1, 1000, errors),
            Window = TimeSpan.FromSeconds(WholeNumber(config, "RATE_LIMIT_WINDOW_SECONDS", 10, 1, 3600, errors)),
        };
        var retry = new TelegramRetryOptions
        {
            MaxRetries = WholeNumber(config, "TELEGRAM_RETRIES", 3, 0, 10, errors),
            BaseDelay = TimeSpan.FromMilliseconds(WholeNumber(config, "TELEGRAM_RETRY_DELAY_MS", 1000, 1, 60_000, errors)),
            AttemptTimeout = TimeSpan.FromSeconds(WholeNumber(config, "TELEGRAM_TIMEOUT_SECONDS", 30, 1, 600, errors)),
        };
        return (rateLimit, retry);
    }

    private static int WholeNumber(IConfiguration config, string key, int fallback, int min, int max, List<string> errors)
    {
        var text = config[key]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors.Add($"{key} '{text}' must be a whole number from {min} to {max}.");
        return fallback;
    }
}
