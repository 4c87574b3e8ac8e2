namespace Booking.Web.Observability;

/// <summary>
/// Replaces secrets (the bot token, as written and URL-encoded) in text bound for logs or error reports.
/// Telegram.Bot puts the token in every request URL, so any message that quotes a URL would otherwise carry it.
/// </summary>
public sealed class SecretScrubber
{
    public const string Mask = "***";

    private readonly string[] _secrets;

    public SecretScrubber(IEnumerable<string> secrets) =>
        _secrets = secrets.Where(s => s.Length >= 8)
            .SelectMany(s => new[] { s, Uri.EscapeDataString(s) })
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(s => s.Length)
            .ToArray();

    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            if (text.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                text = text.Replace(secret, Mask, StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }

    public string? ScrubOrNull(string? text) => text is null ? null : Scrub(text);
}
