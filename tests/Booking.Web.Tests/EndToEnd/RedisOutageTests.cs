using System.Globalization;
using System.Net;
using System.Text.Json;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Redis;
using Booking.Web.Tests.Redis;

namespace Booking.Web.Tests.EndToEnd;

/// <summary>
/// REDIS_URL through the real host and the fake Bot API, with a redis-server of the test's own that the test stops and
/// starts: clients keep booking while Redis is away, nothing they did is lost, and nothing old comes back with it.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new();

    private RedisServer _redis = null!;
    private BotScenario _s = null!;

    public async Task InitializeAsync()
    {
        if (TestRedis.SkipReason is not null)
        {
            return; // the tests themselves are skipped
        }

        // Keeping data across a restart is the hard case: Redis comes back holding copies older than the database.
        _redis = await RedisServer.StartAsync(keepData: true);
        _s = await BotScenario.StartAsync(settings: TestRedis.HostSettings(_redis.Url));
    }

    public async Task DisposeAsync()
    {
        if (_s is not null)
        {
            await _s.DisposeAsync();
            await _redis.DisposeAsync();
        }
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync()
    {
        using var response = await Http.GetAsync(new Uri(_s.Host.Address, "/health"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    private async Task<double> ConversationFallbacksAsync()
    {
        const string series = "bookingbot_redis_fallbacks_total{store=\"conversation\"} ";
        var metrics = await Http.GetStringAsync(new Uri(_s.Host.Address, "/metrics"));
        var line = metrics.Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        return line is null ? 0 : double.Parse(line[series.Length..].Trim(), CultureInfo.InvariantCulture);
    }

    [RedisFact]
    public async Task Redis_stopped_in_the_middle_of_the_wizard_the_client_still_finishes_the_booking()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        await anna.PressAsync("Массаж");
        await anna.PressAsync("2 🟢");
        var before = await ConversationFallbacksAsync();

        await _redis.StopAsync();
        await anna.PressAsync("10:00");
        await anna.PressAsync("✅ Подтвердить");

        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(new DateTime(2026, 12, 2, 7, 0, 0, DateTimeKind.Utc), booking.StartUtc);
        Assert.Equal(0, anna.UnansweredCallbacks);
        Assert.True(await ConversationFallbacksAsync() > before, "the calls served from the database were not counted");
    }

    [RedisFact]
    public async Task After_Redis_returns_bookings_go_on_and_the_draft_it_kept_from_before_never_wins()
    {
        var anna = _s.User(1001, "Анна");
        await anna.SendTextAsync("/book");
        var first = anna.LastMessage.MessageId;

        await _redis.StopAsync();
        await anna.SendTextAsync("/book");                 // the draft now points at the second wizard, in the database only
        var second = anna.LastMessage.MessageId;
        Assert.Empty(anna.Messages.Single(m => m.MessageId == first).Buttons);

        await _redis.StartAsync();                         // with its copy that still points at the first wizard
        await _s.Host.Services.RedisLink().WaitUntilInUseAsync();
        await BookingFlowTests.BookAsync(anna, "3 🟢", "11:00");

        // Had the old copy won, the bot would have cleared the first wizard again and left the second one live.
        Assert.Empty(anna.Messages.Single(m => m.MessageId == second).Buttons);
        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        var booking = Assert.Single(await _s.BookingsAsync());
        Assert.Equal(BookingStatus.Confirmed, booking.Status);
        Assert.Equal(new DateTime(2026, 12, 3, 8, 0, 0, DateTimeKind.Utc), booking.StartUtc);
    }

    [RedisFact]
    public async Task Health_reports_Redis_and_a_Redis_that_is_down_only_degrades_it()
    {
        var (status, body) = await HealthAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.Equal("ok", body.GetProperty("redis").GetString());

        await _redis.StopAsync();

        (status, body) = await HealthAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("unreachable", body.GetProperty("redis").GetString());
        Assert.Equal("ok", body.GetProperty("database").GetString());
    }

    [RedisFact]
    public async Task A_bot_started_while_Redis_is_down_takes_bookings_and_picks_Redis_up_when_it_appears()
    {
        await _s.DisposeAsync();
        await _redis.StopAsync();
        _s = await BotScenario.StartAsync(settings: TestRedis.HostSettings(_redis.Url));
        var anna = _s.User(1001, "Анна");

        await BookingFlowTests.BookAsync(anna, "2 🟢", "10:00");
        Assert.Contains("Вы записаны", anna.LastMessage.Text, StringComparison.Ordinal);
        Assert.Equal("unreachable", (await HealthAsync()).Body.GetProperty("redis").GetString());

        await _redis.StartAsync();
        await _s.Host.Services.RedisLink().WaitUntilInUseAsync();
        Assert.Equal("ok", (await HealthAsync()).Body.GetProperty("redis").GetString());
        await BookingFlowTests.BookAsync(anna, "2 🟢", "11:00");
        Assert.Equal(2, (await _s.BookingsAsync()).Count);
    }
}
