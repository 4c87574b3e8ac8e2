using Booking.Web;
using Microsoft.Extensions.Configuration;

namespace Booking.Web.Tests.Configuration;

/// <summary>A7: BROADCAST_RATE, read and validated at start.</summary>
public sealed class BroadcastSettingsTests
{
    private static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(params (string Key, string Value)[] values) =>
        StartupSettings.Read(new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)).Append(new("BOT_TOKEN", "123456:ABC")))
            .Build());

    [Fact]
    public void Broadcasts_go_out_at_25_messages_a_second_unless_told_otherwise()
    {
        Assert.Equal(25, Read().Settings!.Broadcast.MessagesPerSecond);
        Assert.Equal(10, Read(("BROADCAST_RATE", "10")).Settings!.Broadcast.MessagesPerSecond);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("31")]
    [InlineData("fast")]
    public void A_rate_outside_one_to_thirty_stops_the_start_with_one_line_naming_it(string value)
    {
        var (settings, errors) = Read(("BROADCAST_RATE", value));

        Assert.Null(settings);
        var error = Assert.Single(errors);
        Assert.StartsWith($"BROADCAST_RATE '{value}' must be a whole number from 1 to 30", error, StringComparison.Ordinal);
    }
}
