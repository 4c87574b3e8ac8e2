using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Booking.Web.Tests.Observability;

/// <summary>P10: /metrics, /health and the logs, through the real host and the fake Bot API.</summary>
public sealed partial class ObservabilityTests : IAsyncLifetime
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private BotScenario _s = null!;

    public async Task InitializeAsync() => _s = await BotScenario.StartAsync(settings: new Dictionary<string, string?> { ["DEBUG"] = "1" });

    public async Task DisposeAsync() => await _s.DisposeAsync();

    private static async Task BookAsync(FakeUser user)
    {
        await user.SendTextAsync("/book");
        await user.PressAsync("Массаж");
        await user.PressAsync("2 🟢");
        await user.PressAsync("10:00");
        await user.PressAsync("✅ Подтвердить");
    }

    private async Task<string> MetricsAsync()
    {
        using var response = await Http.GetAsync(new Uri(_s.Host.Address, "/metrics"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The value of one series, e.g. <c>bookingbot_bookings_total{action="book",outcome="booked"}</c>; 0 when absent.</summary>
    private static double Value(string metrics, string series)
    {
        foreach (var line in metrics.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> HealthAsync()
    {
        using var response = await Http.GetAsync(new Uri(_s.Host.Address, "/health"));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, json.RootElement.Clone());
    }

    [Fact]
    public async Task After_a_booking_the_metrics_show_more_updates_and_a_booked_outcome()
    {
        // The counters live for the whole test process, so the test compares before and after.
        const string messages = "bookingbot_updates_total{type=\"message\"}";
        const string callbacks = "bookingbot_updates_total{type=\"callback_query\"}";
        const string booked = "bookingbot_bookings_total{action=\"book\",outcome=\"booked\"}";
        var before = await MetricsAsync();

        await BookAsync(_s.User(1001, "Анна"));

        var after = await MetricsAsync();
        Assert.True(Value(after, messages) >= Value(before, messages) + 1, "the /book message was not counted");
        Assert.True(Value(after, callbacks) >= Value(before, callbacks) + 4, "the four button presses were not counted");
        Assert.True(Value(after, booked) >= Value(before, booked) + 1, "the booking was not counted as booked");
        Assert.Contains("bookingbot_update_handling_seconds_bucket{type=\"callback_query\",le=", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_SQLite_the_metrics_show_the_memory_SQLite_holds_outside_the_GC_heap()
    {
        await BookAsync(_s.User(1001, "Анна"));

        // An open connection that has read the schema holds well over 10 KB. The test holds one itself: the gauge is
        // process-wide, and another test's scenario ending clears every pooled SQLite connection of this process.
        await using var open = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_s.DatabasePath};Pooling=False");
        await open.OpenAsync();
        await using (var read = open.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM Bookings";
            Assert.Equal(1L, await read.ExecuteScalarAsync());
        }

        var bytes = Value(await MetricsAsync(), "bookingbot_sqlite_memory_bytes");
        Assert.True(bytes > 10_000, $"bookingbot_sqlite_memory_bytes was {bytes}");
    }

    [Fact]
    public async Task A_confirm_for_a_slot_taken_meanwhile_is_counted_as_slot_unavailable()
    {
        const string taken = "bookingbot_bookings_total{action=\"book\",outcome=\"slot_unavailable\"}";
        var (anna, boris) = (_s.User(1001, "Анна"), _s.User(1002, "Борис"));
        foreach (var user in new[] { anna, boris })
        {
            await user.SendTextAsync("/book");
            await user.PressAsync("Массаж");
            await user.PressAsync("2 🟢");
            await user.PressAsync("10:00");
        }

        var before = Value(await MetricsAsync(), taken);
        await anna.PressAsync("✅ Подтвердить");
        await boris.PressAsync("✅ Подтвердить");

        Assert.True(Value(await MetricsAsync(), taken) >= before + 1, "the refused confirm was not counted as slot_unavailable");
    }

    [Fact]
    public async Task Health_is_200_with_both_checks_ok_while_the_Bot_API_answers_and_503_once_it_is_gone()
    {
        var (status, body) = await HealthAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("database").GetString());
        Assert.Equal("ok", body.GetProperty("telegram").GetString());
        Assert.Equal("not_configured", body.GetProperty("redis").GetString());

        await _s.Api.DisposeAsync();
        _s.Clock.Advance(TimeSpan.FromSeconds(31)); // past the cached answer

        (status, body) = await HealthAsync();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("ok", body.GetProperty("database").GetString());
        Assert.Equal("unreachable", body.GetProperty("telegram").GetString());
    }

    [Fact]
    public async Task The_bot_token_never_reaches_the_log_file_even_when_a_message_quotes_a_request_url()
    {
        var token = _s.Api.Token;
        _s.Api.Fail("sendMessage", 500, "Internal Server Error"); // a retry, logged with the method name
        await BookAsync(_s.User(1001, "Анна"));
        var logger = _s.Host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Probe");
        logger.LogError("Request to {Url} failed", $"{_s.Api.BaseUrl}/bot{token}/sendMessage");
        await _s.Host.StopAsync(); // flushes and closes the log file

        var files = Directory.GetFiles(Path.Combine(_s.Folder, "logs"), "bot-*.log");
        var log = string.Concat(files.Select(File.ReadAllText));
        Assert.NotEmpty(files);
        Assert.Contains("/bot***/sendMessage", log, StringComparison.Ordinal);
        Assert.Contains("\"@l\":\"Debug\"", log, StringComparison.Ordinal); // DEBUG=1 really logs at debug level
        Assert.Contains("sendMessage", log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..], log, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sentry_is_switched_on_only_when_SENTRY_DSN_is_set()
    {
        Assert.False(_s.Host.Services.GetService<Sentry.IHub>()?.IsEnabled ?? false);

        await using var reported = await BotScenario.StartAsync(settings: new Dictionary<string, string?> { ["SENTRY_DSN"] = "http://key@127.0.0.1:9/1" });

        Assert.True(reported.Host.Services.GetRequiredService<Sentry.IHub>().IsEnabled);
    }
}
