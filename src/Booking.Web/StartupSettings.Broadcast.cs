using Booking.Bot.Broadcasts;
using Microsoft.Extensions.Configuration;

namespace Booking.Web;

/// <summary>A7: how fast broadcasts go out.</summary>
public sealed partial record StartupSettings
{
    /// <summary>Telegram allows about 30 bulk messages per second; more would only earn flood waits.</summary>
    public const int MaxBroadcastRate = 30;

    public BroadcastOptions Broadcast { get; init; } = new();

    private static BroadcastOptions ReadBroadcast(IConfiguration config, List<string> errors) => new()
    {
        MessagesPerSecond = WholeNumber(config, "BROADCAST_RATE", 25, 1, MaxBroadcastRate, errors),
    };
}
