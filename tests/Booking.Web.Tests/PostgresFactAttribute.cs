using Booking.TestKit.Hosting;

namespace Booking.Web.Tests;

/// <summary>A fact that needs the PostgreSQL server in TEST_POSTGRES; skipped, with the reason, when it is not set.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        Skip = TestPostgresServer.SkipReason;
    }
}
