using Prometheus;

namespace Booking.Redis;

/// <summary>P10: how Redis is doing, beside the bot's own metrics in the default registry (exported at /metrics).</summary>
public static class RedisMetrics
{
    public const string Conversation = "conversation";
    public const string RateLimit = "rate_limit";

    public static readonly Counter Fallbacks = Metrics.CreateCounter(
        "bookingbot_redis_fallbacks_total",
        "Calls served without Redis because it was unreachable or failed, by store (conversation: from the database; rate_limit: in this process).",
        "store");

    public static readonly Gauge Available = Metrics.CreateGauge(
        "bookingbot_redis_available", "1 while this process uses Redis, 0 while it falls back (only exported when REDIS_URL is set).");
}
