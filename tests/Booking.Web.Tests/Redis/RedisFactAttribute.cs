using Booking.TestKit.Redis;

namespace Booking.Web.Tests.Redis;

/// <summary>A fact that needs Redis: skipped when TEST_REDIS is not set (CI always sets it, so there it runs or fails).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    public RedisFactAttribute()
    {
        if (TestRedis.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
