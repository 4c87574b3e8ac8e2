using Booking.Bot;
using Booking.Core;
using Booking.Core.Data;
using Booking.Data.Postgres;
using Booking.Data.Sqlite;
using Booking.Data.Sqlite.Backups;
using Booking.Redis;
using Booking.Web.Observability;
using Booking.Web.Panel;
using dotenv.net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Booking.Web;

/// <summary>
/// Assembles the host: settings → storage → core → bot → endpoints. Tests build the same host through
/// <see cref="Build"/>, swapping only the configuration and the clock.
/// </summary>
public static class BotApp
{
    public const string DefaultUrl = "http://127.0.0.1:8080";

    public static (WebApplication? App, IReadOnlyList<string> Errors) Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        LoadDotEnv();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

        // The operator's own appsettings.json beside where the bot runs; the environment still wins over it.
        builder.Configuration.AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        customize?.Invoke(builder);
        var (settings, errors) = StartupSettings.Read(builder.Configuration);
        if (settings is null)
        {
            return (null, errors);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddObservability(settings);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        var storageError = settings.Database == DatabaseProvider.Postgres ? AddPostgres(services, settings) : AddSqlite(services, settings);
        if (storageError is not null)
        {
            return (null, [storageError]);
        }

        services.AddSingleton(settings);
        services.AddSingleton<Bot.Hosting.IPublicAddress, PublicAddress>();
        services.AddSingleton<Housekeeping>();
        services.AddPanel(settings.PublicUrl?.Scheme == Uri.UriSchemeHttps);
        services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());
        services.AddBookingCore(new BookingCoreOptions { DefaultTimeZoneId = settings.TimeZoneId, OwnerIds = settings.AdminIds });
        services.AddBookingBot(new BotOptions
        {
            Token = settings.BotToken, AdminIds = settings.AdminIds, ApiUrl = settings.TelegramApiUrl,
            Retry = settings.TelegramRetry, RateLimit = settings.RateLimit, Broadcast = settings.Broadcast,
            Webhook = settings.Webhook, Payments = settings.Payments,
        });
        if (settings.Redis is { } redis)
        {
            services.AddRedis(redis);
        }

        var app = builder.Build();
        app.MapObservability();
        app.MapPanel();
        app.MapCalendarFeeds();
        if (settings.Webhook is { } webhook)
        {
            app.MapTelegramWebhook(webhook);
        }

        return (app, errors);
    }

    /// <summary>SQLite: one bot per file (a lock held while it runs), with the nightly and on-demand backups.</summary>
    private static string? AddSqlite(IServiceCollection services, StartupSettings settings)
    {
        var held = DatabaseFileLock.TryAcquire(settings.DatabaseTarget);
        if (held is null)
        {
            return $"DATABASE_URL '{settings.DatabaseTarget}' is in use by another running bot (or a restore); stop it first or give this bot its own database.";
        }

        services.AddHostedService(_ => new DatabaseLockHolder(held));
        services.AddSqliteBookingDb(settings.DatabaseTarget);
        SqliteMemoryMetric.Register();

        // Hosted services start in registration order: the schema must exist before the backup job reads settings.
        services.AddHostedService<DatabaseStartup>();
        services.AddBackups(settings);
        return null;
    }

    /// <summary>
    /// PostgreSQL: several bots may share one server, so no file lock; backups are the server's business (pg_dump),
    /// so no backup job and the admin panel's backup button says it is unavailable.
    /// </summary>
    private static string? AddPostgres(IServiceCollection services, StartupSettings settings)
    {
        string connectionString;
        try
        {
            connectionString = PostgresStorage.ConnectionString(settings.DatabaseTarget);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException or KeyNotFoundException)
        {
            return $"DATABASE_URL is not a usable PostgreSQL URL or connection string: {e.Message}";
        }

        services.AddPostgresBookingDb(connectionString);
        services.AddHostedService<DatabaseStartup>();
        return null;
    }

    /// <summary>A .env file in the working directory fills in variables the environment does not set.</summary>
    internal static void LoadDotEnv()
    {
        var path = Path.Combine(Directory.GetCurrentDirectory(), ".env");
        if (File.Exists(path))
        {
            DotEnv.Load(new DotEnvOptions(envFilePaths: [path], overwriteExistingVars: false, trimValues: true));
        }
    }
}
