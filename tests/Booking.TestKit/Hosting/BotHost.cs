using Booking.Core.Data;
using Booking.TestKit.Telegram;
using Booking.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Booking.TestKit.Hosting;

/// <summary>
/// The real bot host (the same <see cref="BotApp.Build"/> as production) pointed at a fake Bot API server and a
/// real SQLite file or PostgreSQL database, with a fake clock. It can be stopped and started again on the same
/// database and server.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly FakeBotApi _api;
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private WebApplication? _app;

    private BotHost(FakeBotApi api, TimeProvider clock, IReadOnlyDictionary<string, string?> settings)
    {
        _api = api;
        Clock = clock;
        _settings = settings;
    }

    /// <summary>The host's clock: a <see cref="FakeTimeProvider"/>, or a <see cref="ManualClock"/> when time must also go back.</summary>
    public TimeProvider Clock { get; }

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>Where the host really listens (it binds port 0, so the system picks the port).</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    /// <summary>Retries of a failing Bot API call (TELEGRAM_RETRIES) in tests; the backoff starts at 10 ms.</summary>
    public const int TelegramRetries = 2;

    public static Task<BotHost> StartAsync(
        FakeBotApi api, TimeProvider clock, string databasePath, IEnumerable<long> adminIds, string timeZone = "Europe/Moscow",
        IReadOnlyDictionary<string, string?>? extraSettings = null) =>
        // sqlite:///abs/path is absolute; "sqlite:" + "/abs/path" would be read as relative to the working directory.
        StartAsync(api, clock, "sqlite://" + Path.GetFullPath(databasePath), Path.GetDirectoryName(Path.GetFullPath(databasePath))!,
            adminIds, timeZone, null, extraSettings);

    /// <summary>
    /// A host on a PostgreSQL database (an Npgsql connection string), optionally in webhook mode. Several such hosts
    /// may share one database and one fake Bot API, as instances behind a load balancer do.
    /// </summary>
    /// <param name="folder">Where this host's log files go.</param>
    public static Task<BotHost> StartOnPostgresAsync(
        FakeBotApi api, TimeProvider clock, string connectionString, string folder, IEnumerable<long> adminIds,
        HostWebhook? webhook = null, IReadOnlyDictionary<string, string?>? extraSettings = null, string timeZone = "Europe/Moscow") =>
        StartAsync(api, clock, connectionString, folder, adminIds, timeZone, webhook, extraSettings);

    private static async Task<BotHost> StartAsync(
        FakeBotApi api, TimeProvider clock, string databaseUrl, string folder, IEnumerable<long> adminIds, string timeZone,
        HostWebhook? webhook, IReadOnlyDictionary<string, string?>? extraSettings)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BOT_TOKEN"] = api.Token,
            ["TELEGRAM_API_URL"] = api.BaseUrl,
            ["DATABASE_URL"] = databaseUrl,
            ["ADMIN_IDS"] = string.Join(',', adminIds),
            ["TIMEZONE"] = timeZone,
            ["TELEGRAM_RETRIES"] = TelegramRetries.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TELEGRAM_RETRY_DELAY_MS"] = "10",
            ["urls"] = "http://127.0.0.1:0",
            // Each test's log files in its own folder, not in the shared working directory.
            ["LOG_DIR"] = Path.Combine(folder, "logs"),
        };
        if (webhook is not null)
        {
            settings["WEBHOOK_URL"] = webhook.Url;
            settings["WEBHOOK_SECRET"] = webhook.Secret;
        }

        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var host = new BotHost(api, clock, settings);
        await host.StartAsync();
        return host;
    }

    public async Task StartAsync()
    {
        var (app, errors) = BotApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(_settings);
            builder.Services.AddSingleton<TimeProvider>(Clock);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        _app = app ?? throw new InvalidOperationException("The host did not build: " + string.Join("; ", errors));
        var webhooksSet = WebhooksSet;
        await _app.StartAsync();
        if (IsWebhookMode)
        {
            await WaitForWebhookAsync(webhooksSet);
        }
        else
        {
            await _api.WaitForPollAsync();
        }
    }

    /// <summary>Where this host takes webhook POSTs (webhook mode only): its real address and the path of WEBHOOK_URL.</summary>
    public Uri WebhookEndpoint => new(Address, new Uri(_settings["WEBHOOK_URL"]!).AbsolutePath);

    /// <summary>True when started with WEBHOOK_URL: Telegram would POST updates to <see cref="Address"/> instead of being polled.</summary>
    public bool IsWebhookMode => !string.IsNullOrEmpty(_settings.GetValueOrDefault("WEBHOOK_URL"));

    // The host is ready for webhook deliveries once it has told Telegram where to send them.
    private int WebhooksSet => _api.Calls.Count(c => c.Method == "setWebhook");

    private async Task WaitForWebhookAsync(int before)
    {
        var deadline = TimeProvider.System.GetTimestamp() + (long)(_api.ProcessTimeout.TotalSeconds * TimeProvider.System.TimestampFrequency);
        while (WebhooksSet == before)
        {
            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"The bot did not call setWebhook within {_api.ProcessTimeout.TotalSeconds:0.###} s.");
            }

            await Task.Delay(10);
        }
    }

    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Stops and starts the host again on the same database: what a deploy or a crash-restart does.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public async Task<T> DbAsync<T>(Func<BookingDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BookingDb>());
    }

    public async Task DbAsync(Func<BookingDb, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<BookingDb>());
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}

/// <summary>Webhook mode for a test host: WEBHOOK_URL (only its path matters to the host) and WEBHOOK_SECRET.</summary>
public sealed record HostWebhook(string Url, string Secret);
