using Microsoft.Extensions.Configuration;

namespace Booking.Web;

/// <summary>PUBLIC_URL: the address people use to reach this host (links to the web panel and calendar feeds).</summary>
public sealed partial record StartupSettings
{
    /// <summary>Null when not set: the host's own listening address is used (fine on one machine, not behind a proxy).</summary>
    public Uri? PublicUrl { get; init; }

    private static Uri? ReadPublicUrl(IConfiguration config, List<string> errors)
    {
        if (config["PUBLIC_URL"]?.Trim() is not { Length: > 0 } text)
        {
            return null;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            errors.Add($"PUBLIC_URL '{text}' is not a plain http(s) address (for example https://bot.example.com/ or https://example.com/bot/).");
            return null;
        }

        return url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
    }
}
