
using Booking.TestKit.Redis;

namespace Booking.Web.Tests.Redis;

/// <summary>
/// A fact that needs Redis (and with <see cref="NeedsPostgres"/> PostgreSQL too): skipped when TEST_REDIS (or
/// TEST_POSTGRES) is not set. CI always sets both, so there it runs or fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RedisFactAttribute : FactAttribute
{
    private string? _skip;

    public bool NeedsPostgres { get; set; }

    public override string? Skip
    {
        get => _skip ?? TestRedis.SkipReason
            ?? (NeedsPostgres && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TEST_POSTGRES"))
                ? "TEST_POSTGRES is not set, so the tests on two bot processes are skipped" : null);
        set => _skip = value;
    }
}
