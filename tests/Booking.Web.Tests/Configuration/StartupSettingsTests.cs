using Booking.Web;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

public sealed class StartupSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)))
            .Build());

    [Fact]
    public void Only_the_token_is_required_and_everything_else_has_a_sensible_default()
    {
        var (settings, errors) = Read(("BOT_TOKEN", "123456:ABC-def_1"));

        Assert.Empty(errors);
        Assert.NotNull(settings);
        Assert.Empty(settings.AdminIds);
        Assert.Equal("Europe/Moscow", settings.TimeZoneId);
        Assert.Equal(DatabaseProvider.Sqlite, settings.Database);
        Assert.Equal("data/booking.db", settings.DatabaseTarget);
        Assert.Equal(new Uri("https://api.telegram.org"), settings.TelegramApiUrl);
    }

    [Fact]
    public void A_missing_token_is_one_clear_line_naming_it()
    {
        var (settings, errors) = Read();

        Assert.Null(settings);
        var error = Assert.Single(errors);
        Assert.StartsWith("BOT_TOKEN", error, StringComparison.Ordinal);
        Assert.Contains("BotFather", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_malformed_value_is_reported_each_on_its_own_line()
    {
        var (settings, errors) = Read(
            ("BOT_TOKEN", "not a token"),
            ("ADMIN_IDS", "42, bob"),
            ("TIMEZONE", "Mars/Olympus"),
            ("DATABASE_URL", "mysql://x"),
            ("TELEGRAM_API_URL", "ftp://example"));

        Assert.Null(settings);
        Assert.Equal(5, errors.Count);
        Assert.Collection(
            errors,
            e => Assert.StartsWith("BOT_TOKEN", e, StringComparison.Ordinal),
            e => Assert.Contains("'bob'", e, StringComparison.Ordinal),
            e => Assert.Contains("Mars/Olympus", e, StringComparison.Ordinal),
            e => Assert.StartsWith("DATABASE_URL", e, StringComparison.Ordinal),
            e => Assert.StartsWith("TELEGRAM_API_URL", e, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sqlite:data/x.db", DatabaseProvider.Sqlite, "data/x.db")]
    [InlineData("sqlite:///var/lib/bot/x.db", DatabaseProvider.Sqlite, "/var/lib/bot/x.db")]
    [InlineData("sqlite:/var/lib/bot/x.db", DatabaseProvider.Sqlite, "/var/lib/bot/x.db")]
    [InlineData("sqlite://data/x.db", DatabaseProvider.Sqlite, "data/x.db")]
    [InlineData("postgres://u:p@localhost/db", DatabaseProvider.Postgres, "postgres://u:p@localhost/db")]
    [InlineData("Host=localhost;Database=db", DatabaseProvider.Postgres, "Host=localhost;Database=db")]
    public void The_database_url_selects_the_provider(string url, DatabaseProvider provider, string target)
    {
        var (settings, errors) = Read(("BOT_TOKEN", "1:a"), ("DATABASE_URL", url));

        Assert.Empty(errors);
        Assert.Equal(provider, settings!.Database);
        Assert.Equal(target, settings.DatabaseTarget);
    }

    [Fact]
    public void Admin_ids_accept_commas_and_spaces()
    {
        var (settings, _) = Read(("BOT_TOKEN", "1:a"), ("ADMIN_IDS", " 1001, 1002 ,1003 1001"));
        Assert.Equal([1001L, 1002L, 1003L], settings!.AdminIds.Order());
    }
}
