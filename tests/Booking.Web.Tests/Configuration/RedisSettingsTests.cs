using System.Net;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Booking.Web.Tests.Configuration;

/// <summary>REDIS_URL: optional; a redis:// or rediss:// URL or a StackExchange.Redis configuration string, checked at start.</summary>
public sealed class RedisSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "123456:ABC")))
            .Build());

    private static ConfigurationOptions Options(string url) => Read(("REDIS_URL", url)).Settings!.Redis!.Options;

    private static string EndPoint(ConfigurationOptions options) =>
        Assert.Single(options.EndPoints) is DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : options.EndPoints[0].ToString()!;

    [Fact]
    public void Without_REDIS_URL_Redis_is_off()
    {
        var (settings, errors) = Read();

        Assert.Empty(errors);
        Assert.Null(settings!.Redis);
    }

    [Theory]
    [InlineData("redis://localhost", "localhost:6379", null, null, false)]
    [InlineData("redis://cache.internal:6380/2", "cache.internal:6380", null, 2, false)]
    [InlineData("redis://:s3cr%40t@127.0.0.1:6379/0", "127.0.0.1:6379", "s3cr@t", 0, false)]
    [InlineData("redis://s3cret@127.0.0.1", "127.0.0.1:6379", "s3cret", null, false)]
    [InlineData("rediss://:pw@redis.example.com:6380", "redis.example.com:6380", "pw", null, true)]
    public void A_redis_url_gives_the_server_password_database_and_tls(string url, string endPoint, string? password, int? database, bool tls)
    {
        var options = Options(url);

        Assert.Equal(endPoint, EndPoint(options));
        Assert.Equal(password, options.Password);
        Assert.Equal(database, options.DefaultDatabase);
        Assert.Equal(tls, options.Ssl);
    }

    [Fact]
    public void A_user_name_in_the_url_is_used_for_redis_acls()
    {
        var options = Options("redis://bot:pw@localhost:6379");

        Assert.Equal("bot", options.User);
        Assert.Equal("pw", options.Password);
    }

    [Fact]
    public void A_StackExchange_configuration_string_is_taken_as_written()
    {
        var options = Options("10.0.0.7:6390,password=pw,ssl=true,defaultDatabase=3,connectTimeout=1500");

        Assert.Equal("10.0.0.7:6390", EndPoint(options));
        Assert.Equal("pw", options.Password);
        Assert.True(options.Ssl);
        Assert.Equal(3, options.DefaultDatabase);
        Assert.Equal(1500, options.ConnectTimeout);
    }

    [Theory]
    [InlineData("redis://localhost:6379")]
    [InlineData("localhost:6379,abortConnect=true")]
    public void The_bot_always_starts_without_Redis_and_never_queues_commands_behind_a_lost_connection(string url)
    {
        var options = Options(url);

        Assert.False(options.AbortOnConnectFail);
        Assert.Equal(BacklogPolicy.FailFast, options.BacklogPolicy);
    }

    [Fact]
    public void Keys_are_prefixed_by_the_bot_id_unless_REDIS_KEY_PREFIX_says_otherwise()
    {
        Assert.Equal("bookingbot:123456:", Read(("REDIS_URL", "redis://localhost")).Settings!.Redis!.KeyPrefix);
        Assert.Equal("salon-a:", Read(("REDIS_URL", "redis://localhost"), ("REDIS_KEY_PREFIX", "salon-a:")).Settings!.Redis!.KeyPrefix);
    }

    [Theory]
    [InlineData("http://localhost:6379")]
    [InlineData("redis://")]
    [InlineData("redis://localhost:6379/zero")]
    [InlineData("redis://localhost:6379?ssl=true")]
    [InlineData("localhost:6379,nonsense=1")]
    [InlineData(",")]
    public void A_malformed_REDIS_URL_stops_the_start_with_one_line_naming_it(string url)
    {
        var (settings, errors) = Read(("REDIS_URL", url));

        Assert.Null(settings);
        var error = Assert.Single(errors);
        Assert.StartsWith("REDIS_URL ", error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void The_error_line_never_repeats_the_password()
    {
        var (_, errors) = Read(("REDIS_URL", "redis://:hunter2@localhost:6379/x"));

        Assert.DoesNotContain("hunter2", Assert.Single(errors), StringComparison.Ordinal);
    }
}
