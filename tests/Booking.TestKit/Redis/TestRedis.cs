namespace Booking.TestKit.Redis;

/// <summary>
/// The Redis server the tests may use, from TEST_REDIS (host:port). CI always sets it, so there a server that is down
/// fails the Redis tests; locally, without it, they are skipped. Tests that stop and start Redis launch their own
/// <see cref="RedisServer"/> instead of touching the shared one.
/// </summary>
public static class TestRedis
{
    public const string Variable = "TEST_REDIS";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    public static string? SkipReason => Server is null ? $"{Variable} is not set, so the Redis tests are skipped" : null;

    /// <summary>A key prefix of one's own on the shared server, so tests running at once never see each other's keys.</summary>
    public static string NewPrefix() => "bookingbot-test:" + Guid.NewGuid().ToString("N") + ":";

    /// <summary>Host settings that turn Redis on for a test host: the shared server (or <paramref name="url"/>) and a fresh prefix.</summary>
    public static Dictionary<string, string?> HostSettings(string? url = null, string? prefix = null) => new()
    {
        ["REDIS_URL"] = url ?? "redis://" + (Server ?? throw new InvalidOperationException($"{Variable} must name a Redis server (CI sets it).")),
        ["REDIS_KEY_PREFIX"] = prefix ?? NewPrefix(),
    };
}
