using Booking.Web;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

/// <summary>P6 settings: Telegram retries, read and validated at start.</summary>
public sealed class LimitSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "123456:ABC")))
            .Build());

    [Fact]
    public void Defaults_are_three_retries_from_one_second()
    {
        var settings = Read().Settings!;

        Assert.Equal(3, settings.TelegramRetry.MaxRetries);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.TelegramRetry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.TelegramRetry.AttemptTimeout);
    }

    [Fact]
    public void Every_value_can_be_set()
    {
        var settings = Read(("TELEGRAM_RETRIES", "0"),
            ("TELEGRAM_RETRY_DELAY_MS", "250"), ("TELEGRAM_TIMEOUT_SECONDS", "12")).Settings!;

        Assert.Equal(0, settings.TelegramRetry.MaxRetries);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.TelegramRetry.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(12), settings.TelegramRetry.AttemptTimeout);
    }

    [Theory]
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
