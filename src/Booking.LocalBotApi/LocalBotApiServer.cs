using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Types.Enums;
using Message = Telegram.Bot.Types.Message;
using Update = Telegram.Bot.Types.Update;

namespace Booking.LocalBotApi;

/// <summary>
/// A Telegram Bot API server on loopback: a bot talks to it over real HTTP exactly as it would to api.telegram.org,
/// while the people in its chats are played through <see cref="LocalChat"/> (by tests, or by the demo's web chat).
/// </summary>
public sealed class LocalBotApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private Func<Update, long>? _delivery;
    private int _disposed;

    private LocalBotApiServer(string token, TimeProvider clock, WebApplication app, CancellationTokenSource stopping,
        CallLog log, ChatStore chats, UpdateQueue updates)
    {
        (Token, Clock, _app, _stopping, Log, Chats, Updates) = (token, clock, app, stopping, log, chats, updates);
        BaseUrl = "";
    }

    /// <summary>Where the bot should send its calls (TELEGRAM_API_URL), without a trailing slash.</summary>
    public string BaseUrl { get; private set; }

    public string Token { get; }

    /// <summary>Every request in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedCall> Calls => Log.Calls;

    public IReadOnlyList<RecordedCommandSet> CommandSets => Log.CommandSets;

    internal TimeProvider Clock { get; }
    internal CallLog Log { get; }
    internal ChatStore Chats { get; }
    internal UpdateQueue Updates { get; }

    public static async Task<LocalBotApiServer> StartAsync(
        string token, TimeProvider? clock = null, string botUsername = "booking_local_bot", CancellationToken ct = default)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(token[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var botId))
        {
            throw new ArgumentException("A bot token looks like '<bot id>:<secret>'.", nameof(token));
        }

        clock ??= TimeProvider.System;
        var bot = TelegramObjects.BotUser(botId, botUsername);
        var (log, chats, updates) = (new CallLog(clock), new ChatStore(clock, bot), new UpdateQueue());
        var stopping = new CancellationTokenSource();
        var router = new BotApiRouter(token, bot, log, chats, updates, stopping.Token);

        // The empty builder reads no appsettings or environment, so nothing can rebind the port or add logging noise.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(router.HandleAsync);

        var server = new LocalBotApiServer(token, clock, app, stopping, log, chats, updates);
        try
        {
            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            server.BaseUrl = addresses.Addresses.Single().TrimEnd('/');
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The private chat of the person whose Telegram id is <paramref name="id"/>; the first call names them.</summary>
    public LocalChat Chat(long id, string firstName = "Anna", string? username = null, string languageCode = "ru") =>
        new(this, Chats.AddUser(id, firstName, username, languageCode));

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with this error.</summary>
    public void Fail(string method, int errorCode, string description, int times = 1, int? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        Log.AddFailure(method, ApiResult.Error(errorCode, description, retryAfter), times);
    }

    /// <summary>Numbers this server's updates after <paramref name="lastId"/> (see FakeBotApi.ContinueUpdateIdsAfter).</summary>
    public void ContinueUpdateIdsAfter(int lastId) => Updates.ContinueAfter(lastId);

    /// <summary>Queues an update for the bot's next getUpdates; assigns and returns its id.</summary>
    public long Enqueue(Update update) => Updates.Enqueue(Prepare(update));

    /// <summary>Hands an update to the bot the way this server delivers (getUpdates unless told otherwise); returns its id.</summary>
    public long Submit(Update update) => _delivery is { } deliver ? deliver(Register(update)) : Enqueue(update);

    /// <summary>
    /// From now on <see cref="Submit"/> gives each numbered update to <paramref name="deliver"/> (which returns its id)
    /// instead of queuing it for getUpdates: tests use it to post updates to webhook endpoints.
    /// </summary>
    public void DeliverThrough(Func<Update, long> deliver) => _delivery = deliver;

    /// <summary>Prepares an update as <see cref="Enqueue"/> does and gives it an id, without queuing it (a webhook delivers it).</summary>
    public Update Register(Update update)
    {
        Updates.AssignId(Prepare(update));
        return update;
    }

    /// <summary>Queues several updates at once, so the bot receives them in one getUpdates batch; returns their ids.</summary>
    public IReadOnlyList<long> EnqueueTogether(IReadOnlyList<Update> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        return Updates.EnqueueAll(updates.Select(Prepare).ToList());
    }

    /// <summary>Serves an update already delivered again, <paramref name="times"/> times, at the bot's next getUpdates.</summary>
    public void Redeliver(long updateId, int times) => Updates.Redeliver(updateId, times);

    /// <summary>The JSON Telegram would send for an update this server has numbered.</summary>
    public string UpdateJson(long updateId) => JsonSerializer.Serialize(Updates.Delivered(updateId), JsonBotAPI.Options);

    /// <summary>
    /// Chooses, for every call (by method name and chat_id, if any), a failure to play instead of handling it, or null
    /// to handle it: a flaky Telegram for fault tests. Null (the default) injects nothing.
    /// </summary>
    public Func<string, long?, ApiFault?>? Faults
    {
        get => Log.FaultPolicy;
        set => Log.FaultPolicy = value;
    }

    /// <summary>Every failure <see cref="Faults"/> played, in arrival order.</summary>
    public IReadOnlyList<InjectedFault> InjectedFaults => Log.Injected;

    private Update Prepare(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Complete(update.Message);
        if (update.CallbackQuery is { } query)
        {
            Chats.RegisterQuery(query);
        }

        try
        {
            // Fail here, where the caller built the update, rather than later inside the bot's poll.
            JsonSerializer.Serialize(update, JsonBotAPI.Options);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"Telegram.Bot cannot serialize this update: {ex.Message}", nameof(update), ex);
        }

        return update;
    }

    /// <summary>
    /// Completes once the bot has confirmed the update by polling past it, which a polling bot
    /// does only after its handler for that update has finished.
    /// </summary>
    public Task WaitProcessedAsync(long updateId, TimeSpan timeout, CancellationToken ct = default) =>
        Updates.WaitProcessedAsync(updateId, timeout, ct);

    public async Task WaitForPollAsync(TimeSpan timeout, CancellationToken ct = default)
    {
        try
        {
            await Updates.FirstPoll.WaitAsync(timeout, TimeProvider.System, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"The bot did not call getUpdates within {timeout.TotalSeconds:0.###} s. Is it started and pointed at {BaseUrl} with token {Token}?");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        // Release held long polls first, or Kestrel would wait for them to time out before stopping.
        await _stopping.CancelAsync();
        Updates.Dispose();
        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stopTimeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    // Hand-built updates often omit fields Telegram always sends; fill them so the bot can parse them.
    private void Complete(Message? message)
    {
        if (message is null)
        {
            return;
        }

        if (message.Date == default)
        {
            message.Date = Clock.GetUtcNow().UtcDateTime;
        }

        if (message.Chat is { Type: 0 } chat)
        {
            chat.Type = ChatType.Private;
        }
    }
}
