namespace Booking.Bot.Receiving;

/// <summary>
/// Webhook mode (P5): Telegram POSTs updates to <paramref name="Url"/> (the host serves its path) with
/// <paramref name="Secret"/> in the X-Telegram-Bot-Api-Secret-Token header.
/// </summary>
public sealed record WebhookOptions(Uri Url, string Secret)
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    /// <summary>The path the host listens on: the path of the public URL, as Telegram will request it.</summary>
    public string Path => Url.AbsolutePath;

    // The secret stays out of logs and exception messages.
    public override string ToString() => $"WebhookOptions {{ Url = {Url} }}";
}
