using Booking.Web;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

/// <summary>P6/P7 settings: Telegram retries and the per-user rate limit, read and validated at start.</summary>
public sealed class LimitSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "123456:ABC")))
            .Build());

    [Fact]
    public void Defaults_are_three_actions_per_ten_seconds_and_three_retries_from_one_second()
    {
        var settings = Read().Settings!;

        Assert.Equal(3, settings.RateLimit.Actions);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.RateLimit.Window);
        Assert.Equal(3, settings.TelegramRetry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.TelegramRetry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.TelegramRetry.AttemptTimeout);
    }

    [Fact]
    public void Every_value_can_be_set()
    {
        var settings = Read(("RATE_LIMIT_ACTIONS", "5"), ("RATE_LIMIT_WINDOW_SECONDS", "60"), ("TELEGRAM_RETRIES", "0"),
            ("TELEGRAM_RETRY_DELAY_MS", "250"), ("TELEGRAM_TIMEOUT_SECONDS", "12")).Settings!;

        Assert.Equal(5, settings.RateLimit.Actions);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.RateLimit.Window);
        Assert.Equal(0, settings.TelegramRetry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.TelegramRetry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(12), settings.TelegramRetry.AttemptTimeout);
    }

    [Theory]
    [InlineData("RATE_LIMIT_ACTIONS", "0")]
    [InlineData("RATE_LIMIT_ACTIONS", "three")]
    [InlineData("RATE_LIMIT_WINDOW_SECONDS", "-5")]
    [InlineData("TELEGRAM_RETRIES", "11")]
    [InlineData("TELEGRAM_RETRY_DELAY_MS", "1.5")]
    [InlineData("TELEGRAM_TIMEOUT_SECONDS", "0")]
    public void A_value_out_of_range_is_one_line_naming_the_variable(string key, string value)
    {
        var (settings, errors) = Read((key, value));

        Assert.Null(settings);
        var error = Assert.Single(errors);
        Assert.StartsWith(key + " '" + value + "'", error, StringComparison.Ordinal);
    }
}
