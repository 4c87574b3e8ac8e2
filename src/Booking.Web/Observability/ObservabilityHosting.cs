using Booking.Core.Data;
using Booking.Redis;
using Microsoft.EntityFrameworkCore;
using Prometheus;
using Sentry.Extensibility;
using Serilog;
using Serilog.Formatting.Compact;
using Serilog.Formatting.Display;

namespace Booking.Web.Observability;

/// <summary>P10: logs (console and a rolling file), Sentry for errors, Prometheus /metrics and a /health that says what is down.</summary>
public static class ObservabilityHosting
{
    public const long LogFileSizeLimit = 200L * 1024 * 1024;
    public const int LogFilesKept = 5;
    public const string LogFileName = "bot-.log";

    private const string ConsoleTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static void AddObservability(this WebApplicationBuilder builder, StartupSettings settings)
    {
        var o = settings.Observability;
        var scrubber = new SecretScrubber([settings.BotToken, settings.Payments.ProviderToken ?? string.Empty]);

        // The framework's per-request HttpClient logs print the full URL, and for the Bot API that URL holds the token.
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        if (o.Debug)
        {
            // Added after appsettings' rules, so it wins over their "Default"; category rules (EF, ASP.NET) still apply.
            builder.Logging.AddFilter((string?)null, LogLevel.Debug);
        }

        // Levels are decided by the usual Logging filters (appsettings.json, DEBUG); Serilog only formats and writes.
        var logger = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .Enrich.FromLogContext()
            .WriteTo.Console(new ScrubbingFormatter(new MessageTemplateTextFormatter(ConsoleTemplate, System.Globalization.CultureInfo.InvariantCulture), scrubber))
            .WriteTo.File(
                new ScrubbingFormatter(new CompactJsonFormatter(), scrubber),
                Path.Combine(o.LogDirectory, LogFileName),
                fileSizeLimitBytes: LogFileSizeLimit,
                rollOnFileSizeLimit: true,
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: LogFilesKept)
            .CreateLogger();
        builder.Logging.ClearProviders();

        // Not AddSerilog: it adds a Trace-level rule for its provider that overrides every Logging filter (appsettings,
        // DEBUG, a test's minimum level), which turned on debug output everywhere. As a plain provider, the usual
        // filters decide; the container disposes it (flushing the file) because it is created by a factory.
        builder.Services.AddSingleton<ILoggerProvider>(_ => new Serilog.Extensions.Logging.SerilogLoggerProvider(logger, dispose: true));
        builder.Services.AddSingleton(scrubber);
        builder.Services.AddSingleton<TelegramProbe>();

        if (o.SentryDsn is { } dsn)
        {
            builder.WebHost.UseSentry(sentry =>
            {
                sentry.Dsn = dsn.ToString();
                sentry.MinimumEventLevel = LogLevel.Error;
                sentry.MinimumBreadcrumbLevel = LogLevel.Information;
                sentry.TracesSampleRate = 0;
                sentry.SendDefaultPii = false;
                sentry.MaxRequestBodySize = RequestSize.None;
                sentry.SetBeforeSend((e, _) => Scrub(e, scrubber));
                sentry.SetBeforeBreadcrumb((b, _) => new Breadcrumb(
                    scrubber.ScrubOrNull(b.Message) ?? string.Empty, b.Type ?? "default",
                    b.Data?.ToDictionary(kv => kv.Key, kv => scrubber.Scrub(kv.Value)), b.Category, b.Level));
            });
        }
    }

    /// <summary>
    /// /metrics for Prometheus and /health as JSON: 200 when the database and the Bot API both answer, 503 otherwise.
    /// Redis is reported too, but a Redis that is down only makes the status "degraded" (still 200): the bot books
    /// correctly without it, and a restart would not bring it back (ADR 0013).
    /// </summary>
    public static void MapObservability(this WebApplication app)
    {
        app.MapMetrics();
        app.MapGet("/health", async (BookingDb db, TelegramProbe telegram, IServiceProvider services, ILogger<TelegramProbe> logger, CancellationToken ct) =>
        {
            var database = await CanConnectAsync(db, logger, ct);
            var bot = await telegram.IsReachableAsync(ct);
            var redis = services.GetService<RedisLink>() is { } link ? await link.PingAsync() : (bool?)null;
            var healthy = database && bot;
            var status = !healthy ? "unhealthy" : redis == false ? "degraded" : "ok";
            return Results.Json(
                new
                {
                    status,
                    database = database ? "ok" : "unreachable",
                    telegram = bot ? "ok" : "unreachable",
                    redis = redis switch { null => "not_configured", true => "ok", false => "unreachable" },
                },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });
    }

    private static async Task<bool> CanConnectAsync(BookingDb db, Microsoft.Extensions.Logging.ILogger logger, CancellationToken ct)
    {
        try
        {
            return await db.Database.CanConnectAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning("Health check: the database did not answer ({Reason})", e.GetType().Name);
            return false;
        }
    }

    private static SentryEvent Scrub(SentryEvent e, SecretScrubber scrubber)
    {
        if (e.Message is { } message)
        {
            message.Message = scrubber.ScrubOrNull(message.Message);
            message.Formatted = scrubber.ScrubOrNull(message.Formatted);
        }

        foreach (var exception in e.SentryExceptions ?? [])
        {
            exception.Value = scrubber.ScrubOrNull(exception.Value);
        }

        if (e.Request is { } request)
        {
            request.Url = scrubber.ScrubOrNull(request.Url);
            request.QueryString = scrubber.ScrubOrNull(request.QueryString);
        }

        return e;
    }
}
