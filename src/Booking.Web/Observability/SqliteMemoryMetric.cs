using Prometheus;

namespace Booking.Web.Observability;

/// <summary>
/// <c>bookingbot_sqlite_memory_bytes</c>: what SQLite's own allocator holds in this process — each pooled connection's
/// page cache, schema and statements. It lives outside the GC heap, so the .NET metrics do not show it; on a bot under
/// load it is 13–20 MB of the resident set (bench/README.md).
/// </summary>
internal static class SqliteMemoryMetric
{
    private static readonly Lazy<Gauge> Gauge = new(() =>
    {
        var gauge = Metrics.CreateGauge("bookingbot_sqlite_memory_bytes", "Bytes SQLite's allocator holds in this process (page caches, schemas, statements).");

        // Set before each scrape: one call into SQLite, no timer. Init is idempotent and makes the call safe before the
        // first connection was opened.
        Metrics.DefaultRegistry.AddBeforeCollectCallback(() =>
        {
            SQLitePCL.Batteries_V2.Init();
            gauge.Set(SQLitePCL.raw.sqlite3_memory_used());
        });
        return gauge;
    });

    /// <summary>Once per process, however many hosts it starts (the metric registry is process-wide).</summary>
    public static void Register() => _ = Gauge.Value;
}
