namespace Booking.Web;

/// <summary>The host's listening addresses (URLS) as something a client on this machine can call.</summary>
public static class ListeningAddress
{
    private static readonly string[] Wildcards = ["://+", "://*", "://0.0.0.0", "://[::]"];

    /// <summary>The first of the ';'-separated addresses with a wildcard host turned into 127.0.0.1; null if it is not http(s).</summary>
    public static Uri? FirstOnLoopback(string urls)
    {
        var first = urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? string.Empty;
        foreach (var wildcard in Wildcards)
        {
            first = first.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        }

        return Uri.TryCreate(first, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? new Uri(url.AbsoluteUri.EndsWith('/') ? url.AbsoluteUri : url.AbsoluteUri + "/")
            : null;
    }
}
