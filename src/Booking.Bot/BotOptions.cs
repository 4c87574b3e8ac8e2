using Booking.Bot.Broadcasts;
using Booking.Bot.RateLimiting;
using Booking.Bot.Resilience;

namespace Booking.Bot;

/// <summary>The bot's side of the configuration (P1); validated by the host before anything starts.</summary>
public sealed class BotOptions
{
    public const string Section = "Bot";
    public const string TelegramApiDefault = "https://api.telegram.org";

    public required string Token { get; init; }

    /// <summary>ADMIN_IDS: Telegram user ids of the owners (super admins).</summary>
    public required IReadOnlySet<long> AdminIds { get; init; }

    /// <summary>TELEGRAM_API_URL: Telegram's own server, a self-hosted telegram-bot-api, or a test server.</summary>
    public required Uri ApiUrl { get; init; }

    /// <summary>Seconds a getUpdates call is held open by the server when there is nothing new.</summary>
    public int PollTimeoutSeconds { get; init; } = 25;

    public TelegramRetryOptions Retry { get; init; } = new();

    public RateLimitOptions RateLimit { get; init; } = new();

    public BroadcastOptions Broadcast { get; init; } = new();

    /// <summary>X3: prepayment through Telegram Payments; off unless a provider token is set.</summary>
    public Payments.PaymentOptions Payments { get; init; } = new();

    /// <summary>WEBHOOK_URL and WEBHOOK_SECRET: set for webhook mode; null means long polling (the default).</summary>
    public Receiving.WebhookOptions? Webhook { get; init; }

    public bool IsAdmin(long userId) => AdminIds.Contains(userId);
}
