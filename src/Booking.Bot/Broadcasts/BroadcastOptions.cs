namespace Booking.Bot.Broadcasts;

/// <summary>A7: how fast broadcasts go out; validated by the host at start.</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcast";

    /// <summary>
    /// BROADCAST_RATE: messages per second at most. Telegram allows about 30 per second for bulk messages;
    /// 25 leaves room for the bot's replies and the progress edits sent meanwhile.
    /// </summary>
    public int MessagesPerSecond { get; init; } = 25;
}
