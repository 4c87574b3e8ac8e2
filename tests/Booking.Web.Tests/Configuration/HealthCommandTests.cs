using Booking.Web;

namespace Booking.Web.Tests.Configuration;

/// <summary>`BookingBot health` asks the running host's /health on loopback (the container's HEALTHCHECK).</summary>
public sealed class HealthCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/health")]
    [InlineData("http://+:5000;https://+:5001", "http://127.0.0.1:5000/health")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/health")]
    [InlineData("http://127.0.0.1:8080", "http://127.0.0.1:8080/health")]
    public void Asks_the_first_listening_address_on_loopback(string urls, string expected) =>
        Assert.Equal(expected, HealthCommand.HealthUrl(urls)!.AbsoluteUri);

    [Fact]
    public async Task Nothing_listening_means_unhealthy_with_one_line_saying_so()
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var exit = await HealthCommand.TryRunAsync(["health", "http://127.0.0.1:9"], output, error);

        Assert.Equal(1, exit);
        Assert.StartsWith("health: no answer from http://127.0.0.1:9/health", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_arguments_start_the_bot_instead() =>
        Assert.Null(await HealthCommand.TryRunAsync(["--demo"], TextWriter.Null, TextWriter.Null));
}
