using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Booking.Bot.Receiving;
using Microsoft.Extensions.Configuration;

namespace Booking.Web;

/// <summary>P5: webhook mode, on when WEBHOOK_URL is set; long polling otherwise.</summary>
public sealed partial record StartupSettings
{
    /// <summary>The ports Telegram's own servers deliver webhooks to.</summary>
    public static readonly IReadOnlySet<int> TelegramWebhookPorts = new HashSet<int> { 443, 80, 88, 8443 };

    /// <summary>Null in polling mode.</summary>
    public WebhookOptions? Webhook { get; init; }

    private static WebhookOptions? ReadWebhook(IConfiguration config, Uri? telegramApi, string? token, List<string> errors)
    {
        var urlText = config["WEBHOOK_URL"]?.Trim();
        var secretText = config["WEBHOOK_SECRET"]?.Trim();
        if (string.IsNullOrEmpty(urlText))
        {
            if (!string.IsNullOrEmpty(secretText))
            {
                errors.Add("WEBHOOK_SECRET is set but WEBHOOK_URL is not: set WEBHOOK_URL for webhook mode, or remove WEBHOOK_SECRET to use long polling.");
            }

            return null;
        }

        var problems = errors.Count;
        if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"WEBHOOK_URL '{urlText}' is not an http(s) URL (for example https://bot.example.com/telegram/webhook).");
        }
        else if (url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            errors.Add($"WEBHOOK_URL '{urlText}' must not contain a '#fragment' or a user name.");
        }
        else if (telegramApi is not null && telegramApi.Host.Equals(new Uri(Bot.BotOptions.TelegramApiDefault).Host, StringComparison.OrdinalIgnoreCase)
            && (url.Scheme != Uri.UriSchemeHttps || !TelegramWebhookPorts.Contains(url.Port)))
        {
            errors.Add($"WEBHOOK_URL '{urlText}' must be https on port 443, 80, 88 or 8443: Telegram delivers webhooks nowhere else.");
        }

        var secret = string.IsNullOrEmpty(secretText) ? DerivedSecret(token ?? string.Empty) : secretText;
        if (!SecretPattern().IsMatch(secret))
        {
            errors.Add("WEBHOOK_SECRET must be 1 to 256 characters, each a letter, a digit, '_' or '-' (Telegram's rule for the secret token).");
        }

        return errors.Count > problems ? null : new WebhookOptions(url!, secret);
    }

    /// <summary>
    /// The secret when WEBHOOK_SECRET is not set: derived from the bot token, so every instance of one bot behind a load
    /// balancer expects the secret the last of them gave Telegram (a random one per start would leave the others
    /// refusing every update with 403), while nobody without the token can work it out.
    /// </summary>
    public static string DerivedSecret(string botToken) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(botToken), "BookingBot webhook secret"u8));

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
