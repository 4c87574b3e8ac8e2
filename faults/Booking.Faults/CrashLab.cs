using Booking.Core;
using Booking.Core.Data;
using Booking.Data.Sqlite;
using Booking.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Faults;

/// <summary>
/// The setting of the crash scenarios: a temp folder with the SQLite file, the fake Bot API in this process, and the bot as
/// a separate process on the real clock pointed at both.
/// </summary>
public sealed class CrashLab : IAsyncDisposable
{
    public const long AdminId = 900_000_001;

    private CrashLab(string folder, FakeBotApi api)
    {
        Folder = folder;
        Api = api;
        DatabasePath = Path.Combine(folder, "f.db");
        Bot = new BotProcess(new Dictionary<string, string>
        {
            ["BOT_TOKEN"] = api.Token,
            ["TELEGRAM_API_URL"] = api.BaseUrl,
            ["DATABASE_URL"] = "sqlite://" + DatabasePath,
            ["ADMIN_IDS"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["urls"] = "http://127.0.0.1:0",
            ["LOG_DIR"] = Path.Combine(folder, "logs"),
            ["BACKUP_ENABLED"] = "false",
            ["RATE_LIMIT_ACTIONS"] = "1000",
            ["TELEGRAM_RETRY_DELAY_MS"] = "100",
        }, Path.Combine(folder, "process.log"));
    }

    public string Folder { get; }
    public FakeBotApi Api { get; }
    public BotProcess Bot { get; }
    public string DatabasePath { get; }

    public static async Task<CrashLab> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "bookingbot-faults", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var api = await FakeBotApi.StartAsync();
        api.ProcessTimeout = TimeSpan.FromSeconds(60);
        return new CrashLab(folder, api);
    }

    /// <summary>Starts the bot and waits until it polls again (after migrations and start-up work).</summary>
    public async Task StartBotAsync(CancellationToken ct)
    {
        var polls = Polls;
        Bot.Start();
        await WaitUntilAsync(() => Polls > polls, TimeSpan.FromSeconds(120), "the bot process to poll", ct);
    }

    public int Polls => Api.Calls.Count(c => c.Method == "getUpdates");

    /// <summary>A service provider over the same SQLite file for seeding and checking with the core features.</summary>
    public ServiceProvider Core(TimeProvider clock)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(clock);
        services.AddSqliteBookingDb(DatabasePath);
        services.AddBookingCore(new BookingCoreOptions { DefaultTimeZoneId = "Europe/Moscow", OwnerIds = new HashSet<long> { AdminId } });
        return services.BuildServiceProvider();
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            if (TimeProvider.System.GetElapsedTime(started) > timeout)
            {
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s for {what}.");
            }

            await Task.Delay(20, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Scenarios.ClockJumps.TryDelete(Folder);
    }

    /// <summary>Opens a BookingDb on the file (for reading invariants).</summary>
    public static BookingDb OpenDb(IServiceProvider core) => core.CreateScope().ServiceProvider.GetRequiredService<BookingDb>();
}
