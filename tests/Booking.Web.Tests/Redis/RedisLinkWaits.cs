using Booking.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Web.Tests.Redis;

internal static class RedisLinkWaits
{
    /// <summary>Until the process has taken Redis back into use (it retries once a second while connected); generous under load.</summary>
    public static async Task WaitUntilInUseAsync(this RedisLink link)
    {
        for (var i = 0; i < 300 && !link.InUse; i++)
        {
            await link.AcquireAsync(CancellationToken.None);
            await Task.Delay(100);
        }

        Assert.True(link.InUse, "the bot did not take Redis back into use within 30 s");
    }

    public static RedisLink RedisLink(this IServiceProvider services) => services.GetRequiredService<RedisLink>();
}
