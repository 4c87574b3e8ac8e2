using System.Diagnostics;
using Booking.Bench.Shared;
using Booking.Bot.Receiving;
using Booking.Core.Data;
using Booking.Core.Scheduling;
using Booking.Web;
using Microsoft.EntityFrameworkCore;

namespace Booking.Bench.Load;

public sealed record Percentiles(double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(List<long> ticks)
    {
        if (ticks.Count == 0)
        {
            return new Percentiles(0, 0, 0, 0);
        }

        ticks.Sort();
        double At(double q) => LoadStats.Milliseconds(ticks[(int)Math.Round(q * (ticks.Count - 1))]);
        return new Percentiles(At(0.50), At(0.95), At(0.99), At(1.0));
    }
}

public sealed record PhaseResult(
    string Name, double StartToReadyMs, int Users, double Seconds, double UpdatesPerSecond, Percentiles Latency, Percentiles FirstReply,
    LoadStats Stats, long BookingsInDatabase, long DoubleBookings, MemoryPeak Memory, HistoryStats History);

/// <summary>
/// One measured phase: a fresh database, the real host started against the loopback Bot API, the business seeded,
/// a short warm-up, then N users for the set duration; finally the double-booking check in SQL.
/// </summary>
public static class LoadPhase
{
    public const long AdminId = 999;
    public const long FirstUserId = 1_000_000_000;
    private const long WarmupUserId = 2_000_000_000;

    public static async Task<PhaseResult> RunAsync(LoadOptions options, bool floor, IBenchDatabase database)
    {
        await database.ResetAsync(CancellationToken.None);
        await using var api = await LoopbackBotApi.StartAsync();
        var started = Stopwatch.GetTimestamp();
        var (app, errors) = BotApp.Build([], builder => Configure(builder, api, database, floor));
        if (app is null)
        {
            throw new InvalidOperationException("The host did not build: " + string.Join("; ", errors));
        }

        try
        {
            EnsureRouter(app.Services, floor);
            await app.StartAsync();
            var startToReady = LoadStats.Milliseconds(await api.FirstPoll.WaitAsync(TimeSpan.FromSeconds(60)) - started);
            var history = await SeedAsync(app.Services, options);

            await RunUsersAsync(api, options with { Users = Math.Min(options.Users, 100) }, WarmupUserId, options.Warmup, floor, new LoadStats());
            GC.Collect();
            await using var probe = MemoryProbe.Start();
            var stats = new LoadStats();
            var measured = Stopwatch.GetTimestamp();
            var users = await RunUsersAsync(api, options, FirstUserId, options.Duration, floor, stats);
            var seconds = Stopwatch.GetElapsedTime(measured).TotalSeconds;
            var rate = stats.UpdatesInWindow / options.Duration.TotalSeconds;
            var memory = await probe.StopAsync();

            var (inDatabase, doubles) = await CheckAsync(app.Services);
            return new PhaseResult(
                floor ? "floor (echo)" : "full flow", startToReady, options.Users, seconds, rate,
                Percentiles.Of(users.SelectMany(u => u.Latencies).ToList()), Percentiles.Of(users.SelectMany(u => u.FirstReplies).ToList()),
                stats, inDatabase, doubles, memory, history);
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    private static void Configure(WebApplicationBuilder builder, LoopbackBotApi api, IBenchDatabase database, bool floor)
    {
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["BOT_TOKEN"] = LoopbackBotApi.Token,
            ["TELEGRAM_API_URL"] = api.BaseUrl,
            ["DATABASE_URL"] = database.DatabaseUrl,
            ["ADMIN_IDS"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TIMEZONE"] = "Europe/Moscow",
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",

            // Virtual users confirm far faster than people; the per-user limit (P7) would refuse most of their confirms.
            ["RATE_LIMIT_ACTIONS"] = "1000",
            ["LOG_DIR"] = Path.Combine(Path.GetTempPath(), "bookingbot-bench-logs"),
        });
        if (floor)
        {
            // Registered before the bot's own services, so the bot's default router registration steps aside.
            builder.Services.AddScoped<IUpdateRouter, EchoRouter>();
        }
    }

    private static void EnsureRouter(IServiceProvider services, bool floor)
    {
        using var scope = services.CreateScope();
        var router = scope.ServiceProvider.GetRequiredService<IUpdateRouter>();
        if ((router is EchoRouter) != floor)
        {
            throw new InvalidOperationException($"The {(floor ? "floor" : "full")} phase would route through {router.GetType().Name}.");
        }
    }

    private static async Task<HistoryStats> SeedAsync(IServiceProvider services, LoadOptions options)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        await BenchData.SetUpBusinessAsync(db, CancellationToken.None);
        var plan = new HistoryPlan(options.HistoryBookings, options.FutureFill);
        return await BenchData.SeedHistoryAsync(db, plan, TimeProvider.System.GetUtcNow().UtcDateTime, BusinessZone.Resolve("Europe/Moscow"), CancellationToken.None);
    }

    private static async Task<List<VirtualUser>> RunUsersAsync(LoopbackBotApi api, LoadOptions options, long firstId, TimeSpan duration, bool floor, LoadStats stats)
    {
        if (duration <= TimeSpan.Zero)
        {
            return [];
        }

        using var stop = new CancellationTokenSource(duration);
        stats.WindowEnd = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var spread = new Random(options.Seed);
        var users = Enumerable.Range(0, options.Users)
            .Select(i => new VirtualUser(api, firstId + i, options.Seed * 100_003 + i, stats, floor, options.Think))
            .ToList();

        // Users arrive over the first half second (or one think time) rather than in one burst.
        var arrival = Math.Max(500, (int)options.Think.TotalMilliseconds);
        var running = users.Select(u => RunOneAsync(u, TimeSpan.FromMilliseconds(spread.Next(arrival)), stop.Token)).ToList();
        await Task.WhenAll(running).WaitAsync(duration + TimeSpan.FromSeconds(90));
        return users;
    }

    private static async Task RunOneAsync(VirtualUser user, TimeSpan delay, CancellationToken stop)
    {
        try
        {
            await user.RunAsync(delay, stop);
        }
        catch (TimeoutException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
        }
    }

    private static async Task<(long InDatabase, long Doubles)> CheckAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        var made = await db.Bookings.LongCountAsync(b => b.ClientId >= FirstUserId && b.ClientId < WarmupUserId);
        return (made, await BenchDatabases.CountDoubleBookingsAsync(db, CancellationToken.None));
    }
}
