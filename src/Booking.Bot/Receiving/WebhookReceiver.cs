using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Booking.Bot.Receiving;

public enum WebhookOutcome
{
    /// <summary>Handled (or skipped as a repeat): Telegram may forget it.</summary>
    Handled = 0,

    /// <summary>The secret header was wrong or missing; nothing was read or done.</summary>
    Forbidden = 1,

    /// <summary>The body was not an update.</summary>
    Unreadable = 2,

    /// <summary>The host stopped mid-update; Telegram should deliver it again.</summary>
    Interrupted = 3,
}

/// <summary>
/// Webhook mode (P5), the HTTP-free half of the endpoint: the secret header is checked in constant time before the
/// body is read; the update then runs through the same chat lanes and pipeline as polling — in order within a chat,
/// in parallel across chats — and the call returns only once it has been handled, so the host answers Telegram
/// after the effect is committed and a crash earns a re-delivery. Repeats are skipped by the update_id marks.
/// </summary>
public sealed class WebhookReceiver(WebhookOptions webhook, ChatLanes lanes, UpdatePipeline pipeline, ILogger<WebhookReceiver> logger)
{
    private readonly byte[] _secret = Encoding.UTF8.GetBytes(webhook.Secret);

    public async Task<WebhookOutcome> ReceiveAsync(string? secretHeader, Stream body, string? remote, CancellationToken stopping)
    {
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secretHeader ?? string.Empty), _secret))
        {
            logger.LogWarning(
                "Refused a webhook request from {Remote}: the {Header} header is {State}",
                remote, WebhookOptions.SecretHeader, string.IsNullOrEmpty(secretHeader) ? "missing" : "wrong");
            return WebhookOutcome.Forbidden;
        }

        Update? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<Update>(body, JsonBotAPI.Options, stopping);
        }
        catch (Exception e) when (IsUnreadable(e))
        {
            logger.LogWarning("Refused a webhook request whose body is not an update: {Problem}", e.Message);
            return WebhookOutcome.Unreadable;
        }

        if (update is null)
        {
            logger.LogWarning("Refused a webhook request whose body is null");
            return WebhookOutcome.Unreadable;
        }

        try
        {
            // The host's stopping token, not the request's: a dropped connection must not cut an update in half.
            await lanes.RunAsync(UpdatePipeline.ChatOf(update) ?? 0, () => pipeline.HandleAsync(update, stopping));
            return WebhookOutcome.Handled;
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return WebhookOutcome.Interrupted;
        }
    }

    // Telegram.Bot's converters throw more than JsonException on well-formed JSON with impossible values (a date of
    // long.MaxValue seconds is an ArgumentOutOfRangeException): all of them mean the body is not an update, not a bug.
    private static bool IsUnreadable(Exception e) =>
        e is JsonException or ArgumentException or FormatException or OverflowException or InvalidOperationException or NotSupportedException;
}
