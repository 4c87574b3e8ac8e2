using Booking.Bot;
using Booking.Core;
using Booking.Core.Data;
using Booking.Data.Sqlite;
using Booking.Data.Sqlite.Backups;
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

        if (settings.Database == DatabaseProvider.Postgres)
        {
            return (null, ["DATABASE_URL points at PostgreSQL, which this version does not support yet; use sqlite:PATH."]);
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var held = DatabaseFileLock.TryAcquire(settings.DatabaseTarget);
        if (held is null)
        {
            return (null, [$"DATABASE_URL '{settings.DatabaseTarget}' is in use by another running bot (or a restore); stop it first or give this bot its own database."]);
        }

        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddHostedService(_ => new DatabaseLockHolder(held));
        services.AddSqliteBookingDb(settings.DatabaseTarget);
        services.AddHostedService<DatabaseStartup>();
        services.AddBackups(settings);
        services.AddSingleton<Housekeeping>();
        services.AddHostedService(sp => sp.GetRequiredService<Housekeeping>());
        services.AddBookingCore(new BookingCoreOptions { DefaultTimeZoneId = settings.TimeZoneId, OwnerIds = settings.AdminIds });
        services.AddBookingBot(new BotOptions
        {
            Token = settings.BotToken, AdminIds = settings.AdminIds, ApiUrl = settings.TelegramApiUrl,
            Retry = settings.TelegramRetry, RateLimit = settings.RateLimit, Broadcast = settings.Broadcast,
        });

        var app = builder.Build();
        app.MapGet("/health", async (BookingDb db, CancellationToken ct) =>
            await db.Database.CanConnectAsync(ct) ? Results.Ok(new { status = "ok" }) : Results.StatusCode(503));
        return (app, errors);
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
