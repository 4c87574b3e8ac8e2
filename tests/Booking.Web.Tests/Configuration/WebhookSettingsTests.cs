using System.Text.RegularExpressions;
using Booking.Web;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

/// <summary>P5: WEBHOOK_URL switches the bot from long polling to webhook mode; WEBHOOK_SECRET is optional.</summary>
public sealed class WebhookSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "123456:ABC")))
            .Build());

    [Fact]
    public void Without_a_webhook_url_the_bot_uses_long_polling()
    {
        var (settings, errors) = Read();

        Assert.Empty(errors);
        Assert.Null(settings!.Webhook);
    }

    [Fact]
    public void A_webhook_url_with_a_secret_turns_on_webhook_mode_at_that_path()
    {
        var settings = Read(("WEBHOOK_URL", "https://bot.example.com:8443/tg/hook"), ("WEBHOOK_SECRET", "my_Secret-42")).Settings!;

        Assert.NotNull(settings.Webhook);
        Assert.Equal(new Uri("https://bot.example.com:8443/tg/hook"), settings.Webhook.Url);
        Assert.Equal("/tg/hook", settings.Webhook.Path);
        Assert.Equal("my_Secret-42", settings.Webhook.Secret);
        Assert.DoesNotContain("my_Secret-42", settings.Webhook.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_secret_every_instance_of_one_bot_derives_the_same_one_from_the_token_and_another_bot_another()
    {
        var first = Read(("WEBHOOK_URL", "https://bot.example.com/hook")).Settings!.Webhook!.Secret;
        var second = Read(("WEBHOOK_URL", "https://bot.example.com/hook")).Settings!.Webhook!.Secret;
        var otherBot = StartupSettings.DerivedSecret("654321:XYZ");

        Assert.Matches(new Regex("^[A-Za-z0-9_-]{43}$"), first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherBot);
    }

    [Theory]
    [InlineData("WEBHOOK_URL", "not a url", "WEBHOOK_URL 'not a url' is not an http(s) URL")]
    [InlineData("WEBHOOK_URL", "ftp://bot.example.com/hook", "WEBHOOK_URL 'ftp://bot.example.com/hook' is not an http(s) URL")]
    [InlineData("WEBHOOK_URL", "https://bot.example.com/hook#x", "WEBHOOK_URL 'https://bot.example.com/hook#x' must not contain")]
    [InlineData("WEBHOOK_URL", "http://bot.example.com/hook", "WEBHOOK_URL 'http://bot.example.com/hook' must be https on port 443, 80, 88 or 8443")]
    [InlineData("WEBHOOK_URL", "https://bot.example.com:8080/hook", "WEBHOOK_URL 'https://bot.example.com:8080/hook' must be https on port 443, 80, 88 or 8443")]
    [InlineData("WEBHOOK_SECRET", "only-a-secret", "WEBHOOK_SECRET is set but WEBHOOK_URL is not")]
    public void A_bad_webhook_setting_stops_the_start_with_one_line_naming_it(string key, string value, string expected)
    {
        var (settings, errors) = Read((key, value));

        Assert.Null(settings);
        Assert.StartsWith(expected, Assert.Single(errors), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("sl/ash")]
    [InlineData("ünïcode")]
    public void A_secret_Telegram_would_refuse_stops_the_start_with_one_line(string secret)
    {
        var (settings, errors) = Read(("WEBHOOK_URL", "https://bot.example.com/hook"), ("WEBHOOK_SECRET", secret));

        Assert.Null(settings);
        Assert.StartsWith("WEBHOOK_SECRET must be 1 to 256 characters", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_longer_than_256_characters_is_refused()
    {
        var (_, errors) = Read(("WEBHOOK_URL", "https://bot.example.com/hook"), ("WEBHOOK_SECRET", new string('a', 257)));

        Assert.StartsWith("WEBHOOK_SECRET", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void With_a_self_hosted_bot_api_server_a_plain_http_webhook_on_any_port_is_allowed()
    {
        var (settings, errors) = Read(("TELEGRAM_API_URL", "http://127.0.0.1:8081"), ("WEBHOOK_URL", "http://127.0.0.1:8080/hook"));

        Assert.Empty(errors);
        Assert.Equal("/hook", settings!.Webhook!.Path);
    }
}
