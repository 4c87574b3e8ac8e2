using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Redis;
using Booking.TestKit.Telegram;
using Booking.Web.Tests.Redis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>
/// P7 with REDIS_URL across processes: two real bot hosts on one PostgreSQL database and one Redis (SQLite allows one
/// bot per file) count a client's booking actions together.
/// </summary>
public sealed class SharedRateLimitTests : IAsyncLifetime
{
    private const string TooFast = "⏳ Не так быстро 🙂 Подождите 10 с и нажмите ещё раз.";

    private readonly FakeTimeProvider _clock = new(BotScenario.DefaultNow);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bookingbot-tests", Guid.NewGuid().ToString("N"));
    private readonly string _database = "bookingbot_test_" + Guid.NewGuid().ToString("N");
    private readonly List<IAsyncDisposable> _owned = [];

    private static string? Server => Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            await _owned[i].DisposeAsync();
        }

        if (Server is { } server && _owned.Count > 0)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(server);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp folder left behind.
        }
    }

    /// <summary>One bot process with its own fake Telegram; both share the clock, the database and the Redis prefix.</summary>
    private async Task<(BotHost Host, FakeBotApi Api)> ProcessAsync(string name, Dictionary<string, string?> shared)
    {
        var api = await FakeBotApi.StartAsync(clock: _clock);
        _owned.Add(api);
        var host = await BotHost.StartAsync(api, _clock, Path.Combine(_folder, name, "unused.db"), [BotScenario.AdminId], extraSettings: shared);
        _owned.Add(host);
        return (host, api);
    }

    private static Task SeedAsync(BotHost host) => host.DbAsync(async db =>
    {
        foreach (var day in await db.WorkingDays.ToListAsync())
        {
            day.SetHours(new TimeOnly(9, 0), new TimeOnly(18, 0));
        }

        foreach (var existing in await db.Services.ToListAsync())
        {
            existing.Deactivate();
        }

        db.Services.Add(new Service("Массаж", null, 60, 2500m, "RUB", 0));
        await db.SaveChangesAsync();
    });

    [RedisFact(NeedsPostgres = true)]
    public async Task A_client_spread_over_two_bot_processes_is_limited_once_not_once_per_process()
    {
        var shared = TestRedis.HostSettings();
        shared["DATABASE_URL"] = new NpgsqlConnectionStringBuilder(Server) { Database = _database }.ConnectionString;
        shared["RATE_LIMIT_ACTIONS"] = "2";
        var (a, apiA) = await ProcessAsync("a", shared);
        await SeedAsync(a);
        var (b, apiB) = await ProcessAsync("b", shared);
        apiB.ContinueUpdateIdsAfter(1_000_000); // one update stream in reality; the database remembers applied ids
        var annaOnA = apiA.User(1001, "Анна", null, "ru");
        var annaOnB = apiB.User(1001, "Анна", null, "ru");

        await BookingFlowTests.BookAsync(annaOnA, "2 🟢", "10:00");
        await BookingFlowTests.BookAsync(annaOnB, "2 🟢", "11:00");
        await annaOnA.SendTextAsync("/book");
        await annaOnA.PressAsync("Массаж");
        await annaOnA.PressAsync("2 🟢");
        await annaOnA.PressAsync("12:00");
        await annaOnA.PressAsync("✅ Подтвердить");

        Assert.Equal(TooFast, annaOnA.CallbackAnswers[^1].Text); // process A alone has seen only one of her actions
        Assert.Equal(2, await a.DbAsync(db => db.Bookings.CountAsync(x => x.Status == BookingStatus.Confirmed)));

        _clock.Advance(TimeSpan.FromSeconds(10));
        await annaOnA.PressAsync("✅ Подтвердить");
        Assert.Contains("Вы записаны", annaOnA.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal(3, await b.DbAsync(db => db.Bookings.CountAsync(x => x.Status == BookingStatus.Confirmed)));
    }
}
