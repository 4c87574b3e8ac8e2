using System.Globalization;
using StackExchange.Redis;

namespace Booking.Redis;

/// <summary>
/// Where Redis is (REDIS_URL) and under which key prefix this bot keeps its data there. <see cref="Display"/> names
/// the server without the password, for logs and error lines.
/// </summary>
public sealed record RedisSettings(ConfigurationOptions Options, string KeyPrefix, string Display)
{
    public const int DefaultPort = 6379;

    /// <summary>Never the options' own text: it carries the password.</summary>
    public override string ToString() => $"Redis {Display} (keys under {KeyPrefix})";

    /// <summary>
    /// Reads <c>redis://[[user]:password@]host[:port][/db]</c>, <c>rediss://…</c> (TLS) or a StackExchange.Redis
    /// configuration string (<c>host:port,password=…,ssl=true</c>). Null and a one-line reason when it is neither.
    /// </summary>
    public static (ConfigurationOptions? Options, string? Error) Parse(string text)
    {
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var options = schemeEnd < 0 ? FromConfigurationString(text, out var error) : FromUrl(text, out error);
        if (options is null)
        {
            return (null, error);
        }

        // The bot must start and keep booking while Redis is away: never fail the start, never queue commands
        // behind a lost connection (callers fall back at once instead), and reconnect quickly when it is back.
        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new ExponentialRetry(500, 5000);
        options.ClientName ??= "bookingbot";
        return (options, null);
    }

    /// <summary>Host:port list of a parsed configuration, without credentials.</summary>
    public static string Describe(ConfigurationOptions options) =>
        string.Join(',', options.EndPoints.Select(e => e is System.Net.DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : e.ToString()))
        + (options.DefaultDatabase is { } db ? "/" + db.ToString(CultureInfo.InvariantCulture) : string.Empty);

    private static ConfigurationOptions? FromUrl(string text, out string? error)
    {
        error = null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || (url.Scheme != "redis" && url.Scheme != "rediss") || url.Host.Length == 0)
        {
            error = "is not a redis:// or rediss:// URL with a host (redis://[:password@]host:port[/db]).";
            return null;
        }

        if (url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            error = "has a query or fragment; put options in a configuration string instead (host:port,ssl=true,…).";
            return null;
        }

        var path = url.AbsolutePath.Trim('/');
        int? database = null;
        if (path.Length > 0)
        {
            if (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var db))
            {
                error = $"has '/{path}' where a database number belongs (redis://host:6379/0).";
                return null;
            }

            database = db;
        }

        var options = new ConfigurationOptions
        {
            Ssl = url.Scheme == "rediss",
            DefaultDatabase = database,
            ConnectTimeout = 2000,
            SyncTimeout = 2000,
            AsyncTimeout = 2000,
        };
        options.EndPoints.Add(url.IdnHost, url.IsDefaultPort || url.Port < 0 ? DefaultPort : url.Port);
        if (url.UserInfo.Length > 0)
        {
            var colon = url.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(colon < 0 ? url.UserInfo : url.UserInfo[..colon]);
            var password = colon < 0 ? null : Uri.UnescapeDataString(url.UserInfo[(colon + 1)..]);

            // redis://secret@host is the common shorthand for a password without a user name.
            (options.User, options.Password) = password is null ? (null, user) : (user.Length > 0 ? user : null, password);
        }

        if (options.Ssl)
        {
            options.SslHost = url.IdnHost;
        }

        return options;
    }

    private static ConfigurationOptions? FromConfigurationString(string text, out string? error)
    {
        error = null;
        try
        {
            var options = ConfigurationOptions.Parse(text);
            if (options.EndPoints.Count == 0)
            {
                error = "names no server (expected host:port or redis://host:port).";
                return null;
            }

            return options;
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            error = "is not a redis:// URL or a StackExchange.Redis configuration string (host:port,password=…): "
                + e.Message.Split('\n')[0].Trim();
            return null;
        }
    }
}
