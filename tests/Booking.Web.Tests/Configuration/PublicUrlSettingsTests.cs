using Booking.Web;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

/// <summary>PUBLIC_URL: the base of the links the bot hands out (web panel login, calendar feeds).</summary>
public sealed class PublicUrlSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "123456:ABC")))
            .Build());

    [Theory]
    [InlineData("https://bot.example.com", "https://bot.example.com/")]
    [InlineData("https://example.com/salon", "https://example.com/salon/")]
    [InlineData("http://10.0.0.5:8080/", "http://10.0.0.5:8080/")]
    public void A_public_url_always_ends_in_a_slash_so_paths_append_under_it(string text, string expected)
    {
        var settings = Read(("PUBLIC_URL", text)).Settings!;

        Assert.Equal(expected, settings.PublicUrl!.AbsoluteUri);
        Assert.Equal(expected + "panel/login", new PublicAddress(settings, new Server("http://127.0.0.1:9")).BaseUrl.AbsoluteUri + "panel/login");
    }

    [Theory]
    [InlineData("bot.example.com")]
    [InlineData("ftp://bot.example.com/")]
    [InlineData("https://bot.example.com/?a=1")]
    [InlineData("https://user:pw@bot.example.com/")]
    public void A_malformed_public_url_stops_the_start_with_one_line_naming_it(string text)
    {
        var (settings, errors) = Read(("PUBLIC_URL", text));

        Assert.Null(settings);
        var error = Assert.Single(errors);
        Assert.StartsWith($"PUBLIC_URL '{text}'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:8080", "http://127.0.0.1:8080/")]
    public void Without_a_public_url_links_point_at_the_address_the_host_listens_on(string listening, string expected)
    {
        var settings = Read().Settings!;

        var address = new PublicAddress(settings, new Server(listening));

        Assert.Null(settings.PublicUrl);
        Assert.Equal(expected, address.BaseUrl.AbsoluteUri);
        Assert.Equal(expected + "calendar/abc.ics", ((Bot.Hosting.IPublicAddress)address).Link("/calendar/abc.ics").AbsoluteUri);
    }

    private sealed class Server : IServer
    {
        public Server(string address)
        {
            var addresses = new ServerAddressesFeature();
            addresses.Addresses.Add(address);
            Features.Set<IServerAddressesFeature>(addresses);
        }

        public IFeatureCollection Features { get; } = new FeatureCollection();

        public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull =>
            Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public void Dispose()
        {
        }
    }
}
