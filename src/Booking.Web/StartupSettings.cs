using System.Globalization;
using System.Text.RegularExpressions;
using Booking.Core.Scheduling;
using Microsoft.Extensions.Configuration;

namespace Booking.Web;

public enum DatabaseProvider
{
    Sqlite = 0,
    Postgres = 1,
}

/// <summary>
/// P1: the settings the bot starts with, read under the seed's names from the environment, a .env file or
/// appsettings.json, and validated up front — each problem becomes one line naming the variable.
/// </summary>
public sealed partial record StartupSettings(
    string BotToken, IReadOnlySet<long> AdminIds, string TimeZoneId, DatabaseProvider Database, string DatabaseTarget, Uri TelegramApiUrl)
{
    public const string DefaultDatabase = "sqlite:data/booking.db";
    public const string DefaultTimeZone = "Europe/Moscow";

    public static (StartupSettings? Settings, IReadOnlyList<string> Errors) Read(IConfiguration config)
    {
        var errors = new List<string>();
        var token = config["BOT_TOKEN"]?.Trim();
        if (string.IsNullOrEmpty(token))
        {
            errors.Add("BOT_TOKEN is not set: create a bot with @BotFather in Telegram and put its token in BOT_TOKEN (environment or .env), or start with --demo to try the bot in a local web chat without Telegram.");
        }
        else if (!TokenPattern().IsMatch(token))
        {
            errors.Add("BOT_TOKEN does not look like a bot token (expected digits, a colon, then letters, digits, '_' or '-').");
        }

        var admins = ParseAdmins(config["ADMIN_IDS"], errors);
        var zone = config["TIMEZONE"]?.Trim() is { Length: > 0 } z ? z : DefaultTimeZone;
        if (!BusinessZone.TryResolve(zone, out _))
        {
            errors.Add($"TIMEZONE '{zone}' is not a known IANA time zone (for example Europe/Moscow or Europe/Berlin).");
        }

        var (provider, target) = ParseDatabase(config["DATABASE_URL"]?.Trim() is { Length: > 0 } d ? d : DefaultDatabase, errors);
        var apiText = config["TELEGRAM_API_URL"]?.Trim() is { Length: > 0 } a ? a : Bot.BotOptions.TelegramApiDefault;
        if (!Uri.TryCreate(apiText, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttp && api.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"TELEGRAM_API_URL '{apiText}' is not an http(s) URL.");
        }

        var (rateLimit, retry) = ReadLimits(config, errors);
        var backup = ReadBackup(config, provider, target, errors);
        var broadcast = ReadBroadcast(config, errors);
        var webhook = ReadWebhook(config, api, token, errors);
        var observability = ReadObservability(config, errors);
        var publicUrl = ReadPublicUrl(config, errors);
        var redis = ReadRedis(config, token, errors);
        var payments = ReadPayments(config, errors);
        return errors.Count > 0
            ? (null, errors)
            : (new StartupSettings(token!, admins, zone, provider, target, api!)
            {
                RateLimit = rateLimit, TelegramRetry = retry, Backup = backup, Broadcast = broadcast, Webhook = webhook, Observability = observability,
                PublicUrl = publicUrl, Redis = redis, Payments = payments,
            }, errors);
    }

    private static HashSet<long> ParseAdmins(string? text, List<string> errors)
    {
        var ids = new HashSet<long>();
        foreach (var part in (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (long.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
            {
                ids.Add(id);
            }
            else
            {
                errors.Add($"ADMIN_IDS has '{part}', which is not a Telegram user id (use numbers separated by commas).");
            }
        }

        return ids;
    }

    private static (DatabaseProvider, string) ParseDatabase(string url, List<string> errors)
    {
        if (url.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            // sqlite:PATH as written (sqlite:/abs is absolute, sqlite:data/x.db relative); the URL form sqlite://PATH
            // drops exactly the two slashes, so sqlite:///abs is absolute too.
            var path = url["sqlite:".Length..];
            path = path.StartsWith("//", StringComparison.Ordinal) ? path[2..] : path;
            if (path.Length == 0)
            {
                errors.Add("DATABASE_URL 'sqlite:' needs a file path, e.g. sqlite:data/booking.db.");
            }

            return (DatabaseProvider.Sqlite, path);
        }

        if (url.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase)
            || url.Contains("Host=", StringComparison.OrdinalIgnoreCase))
        {
            return (DatabaseProvider.Postgres, url);
        }

        errors.Add("DATABASE_URL must be sqlite:PATH, a postgres:// URL or a PostgreSQL connection string (Host=…).");
        return (DatabaseProvider.Sqlite, string.Empty);
    }

    [GeneratedRegex(@"^\d+:[A-Za-z0-9_-]+$")]
    private static partial Regex TokenPattern();
}
