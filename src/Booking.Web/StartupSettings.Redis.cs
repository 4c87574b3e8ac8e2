using Booking.Redis;
using Microsoft.Extensions.Configuration;

namespace Booking.Web;

/// <summary>REDIS_URL (optional): conversation state read through Redis and rate limits shared by several bot processes.</summary>
public sealed partial record StartupSettings
{
    /// <summary>Null when REDIS_URL is not set: the database and this process do everything, as before.</summary>
    public RedisSettings? Redis { get; init; }

    private static RedisSettings? ReadRedis(IConfiguration config, string? token, List<string> errors)
    {
        if (config["REDIS_URL"]?.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        var (options, error) = RedisSettings.Parse(text);
        if (options is null)
        {
            // The value may hold a password: the line names the variable and the problem, not the value.
            errors.Add("REDIS_URL " + error);
            return null;
        }

        // Two bots sharing one Redis must not read each other's chats: by default the prefix carries the bot's id.
        var botId = token?.Split(':')[0] ?? "bot";
        var prefix = config["REDIS_KEY_PREFIX"]?.Trim() is { Length: > 0 } p ? p : $"bookingbot:{botId}:";
        return new RedisSettings(options, prefix, RedisSettings.Describe(options));
    }
}
