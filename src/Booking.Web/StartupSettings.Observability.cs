using Microsoft.Extensions.Configuration;

namespace Booking.Web;

/// <summary>P10: where logs go and how detailed they are, and where errors are reported.</summary>
public sealed record ObservabilitySettings(bool Debug, string LogDirectory, Uri? SentryDsn)
{
    public const string DefaultLogDirectory = "logs";
}

public sealed partial record StartupSettings
{
    public ObservabilitySettings Observability { get; init; } = new(false, ObservabilitySettings.DefaultLogDirectory, null);

    private static ObservabilitySettings ReadObservability(IConfiguration config, List<string> errors)
    {
        var debug = false;
        if (config["DEBUG"]?.Trim() is { Length: > 0 } debugText && !TryParseSwitch(debugText, out debug))
        {
            errors.Add($"DEBUG '{debugText}' must be 1 or 0 (true or false).");
        }

        var directory = config["LOG_DIR"]?.Trim() is { Length: > 0 } dir ? dir : ObservabilitySettings.DefaultLogDirectory;
        if (File.Exists(directory))
        {
            errors.Add($"LOG_DIR '{directory}' is a file; it must name a folder.");
        }

        Uri? dsn = null;
        if (config["SENTRY_DSN"]?.Trim() is { Length: > 0 } dsnText
            && (!Uri.TryCreate(dsnText, UriKind.Absolute, out dsn) || (dsn.Scheme != Uri.UriSchemeHttp && dsn.Scheme != Uri.UriSchemeHttps)
                || string.IsNullOrEmpty(dsn.UserInfo) || dsn.AbsolutePath.Trim('/').Length == 0))
        {
            errors.Add("SENTRY_DSN is not a Sentry DSN: expected https://KEY@HOST/PROJECT_ID, as shown in the project's Client Keys settings.");
            dsn = null;
        }

        return new ObservabilitySettings(debug, directory, dsn);
    }
}
