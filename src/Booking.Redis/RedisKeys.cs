using StackExchange.Redis;

namespace Booking.Redis;

/// <summary>
/// This bot's keys, all under one prefix (REDIS_KEY_PREFIX, by default <c>bookingbot:&lt;bot id&gt;:</c>) so several
/// bots can share one Redis without reading each other's chats.
/// </summary>
public sealed class RedisKeys(string prefix)
{
    public string Prefix => prefix;

    /// <summary>Advanced whenever a process (re)takes Redis into use; conversation copies of an older one are ignored.</summary>
    public RedisKey Generation { get; } = prefix + "conversation:generation";

    public RedisKey Conversation(long chatId) => prefix + "conversation:" + chatId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public RedisKey RateLimit(long userId) => prefix + "rate:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
