using Booking.Web;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

/// <summary>P10: DEBUG, LOG_DIR and SENTRY_DSN, read and validated at start.</summary>
public sealed class ObservabilitySettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "123456:ABC")))
            .Build());

    [Fact]
    public void Without_settings_logs_go_to_the_logs_folder_at_information_level_and_nothing_goes_to_Sentry()
    {
        var o = Read().Settings!.Observability;

        Assert.False(o.Debug);
        Assert.Equal("logs", o.LogDirectory);
        Assert.Null(o.SentryDsn);
    }

    [Fact]
    public void DEBUG_1_turns_debug_logging_on_and_a_Sentry_DSN_is_kept()
    {
        var o = Read(("DEBUG", "1"), ("SENTRY_DSN", "https://abc123@o1.ingest.sentry.io/42")).Settings!.Observability;

        Assert.True(o.Debug);
        Assert.Equal(new Uri("https://abc123@o1.ingest.sentry.io/42"), o.SentryDsn);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://abc@sentry.io/1")]
    [InlineData("https://sentry.io/1")]
    [InlineData("https://abc@sentry.io/")]
    public void A_SENTRY_DSN_that_is_not_a_DSN_stops_the_start_with_one_line_naming_it_and_not_echoing_the_key(string value)
    {
        var (settings, errors) = Read(("SENTRY_DSN", value));

        Assert.Null(settings);
        var error = Assert.Single(errors);
        Assert.StartsWith("SENTRY_DSN is not a Sentry DSN", error, StringComparison.Ordinal);
        Assert.DoesNotContain(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public void DEBUG_that_is_not_a_switch_stops_the_start()
    {
        var (settings, errors) = Read(("DEBUG", "loud"));

        Assert.Null(settings);
        Assert.StartsWith("DEBUG 'loud'", Assert.Single(errors), StringComparison.Ordinal);
    }
}
