using Booking.Bot.RateLimiting;
using Booking.Core.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Booking.Redis;

public static class RedisHosting
{
    /// <summary>
    /// With REDIS_URL: conversation state through Redis (the database still keeps every draft) and rate limits shared
    /// through Redis. Call after the core and the bot are registered: it puts its own store and limiter in their place.
    /// </summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, RedisSettings settings)
    {
        services.AddSingleton(settings);
        services.AddSingleton<RedisLink>();
        services.AddHostedService<RedisStartup>();
        services.TryAddScoped<DbConversationStore>();
        services.Replace(ServiceDescriptor.Scoped<IConversationStore, RedisConversationStore>());
        services.Replace(ServiceDescriptor.Singleton<IActionLimiter, RedisActionLimiter>());
        return services;
    }

    /// <summary>Connects at start, before updates are taken; an unreachable Redis is logged and the bot starts anyway.</summary>
    private sealed class RedisStartup(RedisLink link) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => link.ConnectAsync(cancellationToken);

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
