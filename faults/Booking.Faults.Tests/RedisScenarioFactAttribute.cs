using Booking.TestKit.Redis;

namespace Booking.Faults.Tests;

/// <summary>A scenario that starts its own redis-server: skipped, like the other Redis tests, unless TEST_REDIS is set (CI sets it).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisScenarioFactAttribute : FactAttribute
{
    public RedisScenarioFactAttribute() => Skip = TestRedis.SkipReason;
}
