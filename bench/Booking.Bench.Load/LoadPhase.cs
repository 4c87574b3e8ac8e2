using System.Diagnostics;
using Booking.Bench.Floor;
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
    LoadStats Stats, long BookingsInDatabase, long DoubleBookings, MemoryPeak Memory, HistoryStats History)
{
    /// <summary>From the user's send to the last reply: also counts the wait before the bot fetched the update.</summary>
    public Percentiles UserSeen { get; init; } = new(0, 0, 0, 0);

    /// <summary>The bot process's own memory, when it ran apart from the harness (--bot-process).</summary>
    public BotMemory? Bot { get; init; }

    public TimeProfile? Profile { get; init; }

    /// <summary>getUpdates calls during the phase and the updates they carried again (sent before, not yet confirmed).</summary>
    public (long Polls, long Redelivered) Polling { get; init; }
}

/// <summary>
/// One measured phase: a fresh database, the real host started against the loopback Bot API (in this process, or
/// as its own process with --bot-process), the business seeded, a short warm-up, then the users for the set
/// duration; finally the double-booking check in SQL.
/// </summary>
public static class LoadPhase
{
    public const long AdminId = 999;
    public const long FirstUserId = 1_000_000_000;
    private const long WarmupUserId = 2_000_000_000;

    public static async Task<PhaseResult> RunAsync(LoadOptions options, bool floor, IBenchDatabase database, bool barrier = false)
    {
        await database.ResetAsync(CancellationToken.None);
        await using var api = await LoopbackBotApi.StartAsync();
        return options.BotProcess ? await RunBotProcessAsync(options, floor, database, api) : await RunInProcessAsync(options, floor, database, api, barrier);
    }

    private static async Task<PhaseResult> RunInProcessAsync(LoadOptions options, bool floor, IBenchDatabase database, LoopbackBotApi api, bool barrier)
    {
        using var profiler = options.Profile ? Profiler.Attach() : null;
        var started = Stopwatch.GetTimestamp();
        var (app, errors) = BotApp.Build([], builder =>
        {
            Configure(builder, api, database, floor);
            if (barrier)
            {
                builder.Host.UseServiceProviderFactory(new BroadcastBench.LastWordFactory(BarrierPollingWorker.Replace));
            }
        });
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

            await WarmUpAsync(api, options, floor);
            GC.Collect();
            await using var probe = MemoryProbe.Start();
            profiler?.Start();
            var driven = await DriveAsync(api, options, floor);
            var profile = profiler?.Stop();
            var memory = await probe.StopAsync();

            await using var scope = app.Services.CreateAsyncScope();
            var (inDatabase, doubles) = await CheckAsync(scope.ServiceProvider.GetRequiredService<BookingDb>());
            return driven.Result(floor ? "floor (echo)" : barrier ? "full flow, per-batch barrier (before)" : "full flow", startToReady, options, inDatabase, doubles, memory, history) with { Profile = profile };
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// The Release host as its own process, on a database prepared (and seeded) before it starts: unmodified for the
    /// full flow; for the floor, the same build with the echo router put in from outside (<see cref="FloorStartup"/>).
    /// </summary>
    private static async Task<PhaseResult> RunBotProcessAsync(LoadOptions options, bool floor, IBenchDatabase database, LoopbackBotApi api)
    {
        var history = await PrepareDatabaseAsync(database, options);
        var started = Stopwatch.GetTimestamp();
        var environment = new Dictionary<string, string>
        {
            ["BOT_TOKEN"] = LoopbackBotApi.Token,
            ["TELEGRAM_API_URL"] = api.BaseUrl,
            ["DATABASE_URL"] = database.DatabaseUrl,
            ["ADMIN_IDS"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TIMEZONE"] = "Europe/Moscow",
            ["RATE_LIMIT_ACTIONS"] = "1000",
            ["LOG_DIR"] = Path.Combine(Path.GetTempPath(), "bookingbot-bench-logs"),
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
        };
        if (floor)
        {
            foreach (var (key, value) in FloorStartup.Variables)
            {
                environment[key] = value;
            }
        }

        var dll = options.BotDll ?? BotProcess.DefaultDll();
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} does not exist: build the host first (dotnet build -c Release) or pass --bot-dll.");
        }

        await using var bot = BotProcess.Start(dll, environment, options.BotEnv);
        var startToReady = LoadStats.Milliseconds(await api.FirstPoll.WaitAsync(TimeSpan.FromSeconds(60)) - started);
        await WarmUpAsync(api, options, floor);
        if (floor && api.Chat(WarmupUserId).Screen.Buttons is not [{ Text: EchoRouter.ButtonText }])
        {
            throw new InvalidOperationException("The bot process did not take the echo router, so its floor would be the full flow.");
        }

        await using var probe = MemoryProbe.Start();
        bot.StartMeasuring();
        var driven = await DriveAsync(api, options, floor);
        var botMemory = await bot.StopMeasuringAsync();
        var memory = await probe.StopAsync();

        await using var db = new BookingDb(database.ContextOptions());
        var (inDatabase, doubles) = await CheckAsync(db);
        return driven.Result($"{(floor ? "floor (echo)" : "full flow")} (bot process {bot.Id})", startToReady, options, inDatabase, doubles, memory, history) with { Bot = botMemory };
    }

    /// <summary>Schema, the host's own seed, the business and its history, written before the bot process starts.</summary>
    private static async Task<HistoryStats> PrepareDatabaseAsync(IBenchDatabase database, LoadOptions options)
    {
        await using (var db = new BookingDb(database.ContextOptions()))
        {
            await db.Database.MigrateAsync();
            await DatabaseSeeder.SeedAsync(db, CancellationToken.None);
            await BenchData.SetUpBusinessAsync(db, CancellationToken.None);
            var plan = new HistoryPlan(options.HistoryBookings, options.FutureFill);
            var history = await BenchData.SeedHistoryAsync(
                db, plan, TimeProvider.System.GetUtcNow().UtcDateTime, BusinessZone.Resolve("Europe/Moscow"), CancellationToken.None);
            database.ReleaseConnections();
            return history;
        }
    }

    private sealed record Driven(List<VirtualUser> Users, LoadStats Stats, double Seconds, double Rate)
    {
        public (long Polls, long Redelivered) Polling { get; init; }

        public PhaseResult Result(string name, double startToReady, LoadOptions options, long inDatabase, long doubles, MemoryPeak memory, HistoryStats history) =>
            new(name, startToReady, options.Users, Seconds, Rate,
                Percentiles.Of(Users.SelectMany(u => u.Latencies).ToList()), Percentiles.Of(Users.SelectMany(u => u.FirstReplies).ToList()),
                Stats, inDatabase, doubles, memory, history)
            {
                UserSeen = Percentiles.Of(Users.SelectMany(u => u.UserSeen).ToList()),
                Polling = Polling,
            };
    }

    private static async Task WarmUpAsync(LoopbackBotApi api, LoadOptions options, bool floor) =>
        await RunUsersAsync(api, options with { Users = Math.Min(options.Users, 100), Concurrent = 0 }, WarmupUserId, options.Warmup, floor, new LoadStats());

    private static async Task<Driven> DriveAsync(LoopbackBotApi api, LoadOptions options, bool floor)
    {
        var pollingAtStart = api.Polling;
        var stats = new LoadStats();
        var measured = Stopwatch.GetTimestamp();
        var users = options.Concurrent > 0
            ? await RunDistinctUsersAsync(api, options, FirstUserId, floor, stats)
            : await RunUsersAsync(api, options, FirstUserId, options.Duration, floor, stats);
        var seconds = Stopwatch.GetElapsedTime(measured).TotalSeconds;
        var window = Math.Min(seconds, options.Duration.TotalSeconds);
        var polling = api.Polling;
        return new Driven(users, stats, seconds, stats.UpdatesInWindow / window)
        {
            Polling = (polling.Polls - pollingAtStart.Polls, polling.Redelivered - pollingAtStart.Redelivered),
        };
    }

    /// <summary>
    /// Many distinct users, a few at a time: each books once and leaves, and the next newcomer takes the place, until
    /// every user has come or the duration is over. This is how 10,000 users meet the bot without 10,000 at once.
    /// </summary>
    private static async Task<List<VirtualUser>> RunDistinctUsersAsync(LoopbackBotApi api, LoadOptions options, long firstId, bool floor, LoadStats stats)
    {
        using var stop = new CancellationTokenSource(options.Duration);
        stats.WindowEnd = Stopwatch.GetTimestamp() + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency);
        var done = new System.Collections.Concurrent.ConcurrentBag<VirtualUser>();
        var next = -1;
        async Task SeatAsync(int seat)
        {
            await Task.Delay(seat * 5, CancellationToken.None);
            int i;
            while (!stop.IsCancellationRequested && (i = Interlocked.Increment(ref next)) < options.Users)
            {
                var user = new VirtualUser(api, firstId + i, options.Seed * 100_003 + i, stats, floor, options.Think);
                await RunOneAsync(user, TimeSpan.Zero, stop.Token, flows: 1);
                done.Add(user);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrent).Select(SeatAsync)).WaitAsync(options.Duration + TimeSpan.FromSeconds(90));
        return done.ToList();
    }

    internal static void Configure(WebApplicationBuilder builder, LoopbackBotApi api, IBenchDatabase database, bool floor)
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

    private static async Task RunOneAsync(VirtualUser user, TimeSpan delay, CancellationToken stop, int flows = int.MaxValue)
    {
        try
        {
            await user.RunAsync(delay, stop, flows);
        }
        catch (TimeoutException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
        }
    }

    private static async Task<(long InDatabase, long Doubles)> CheckAsync(BookingDb db)
    {
        var made = await db.Bookings.LongCountAsync(b => b.ClientId >= FirstUserId && b.ClientId < WarmupUserId);
        return (made, await BenchDatabases.CountDoubleBookingsAsync(db, CancellationToken.None));
    }
}
