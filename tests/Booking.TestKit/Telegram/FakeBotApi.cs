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

namespace Booking.TestKit.Telegram;

/// <summary>
/// A Telegram Bot API server on loopback for end-to-end tests: the bot under test talks to it
/// over real HTTP exactly as it would to api.telegram.org, and tests play the users.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping;
    private readonly Lock _usersGate = new();
    private readonly Dictionary<long, FakeUser> _users = [];
    private WebhookDelivery? _webhook;
    private int _disposed;

    private FakeBotApi(string token, TimeProvider clock, WebApplication app, CancellationTokenSource stopping,
        CallLog log, ChatStore chats, UpdateQueue updates)
    {
        (Token, Clock, _app, _stopping, Log, Chats, Updates) = (token, clock, app, stopping, log, chats, updates);
        BaseUrl = "";
    }

    public string BaseUrl { get; private set; }

    public string Token { get; }

    /// <summary>How long <see cref="WaitProcessedAsync"/> and user actions wait for the bot (real time).</summary>
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every request in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedCall> Calls => Log.Calls;

    public IReadOnlyList<RecordedCommandSet> CommandSets => Log.CommandSets;

    internal TimeProvider Clock { get; }
    internal CallLog Log { get; }
    internal ChatStore Chats { get; }
    internal UpdateQueue Updates { get; }

    public static async Task<FakeBotApi> StartAsync(string token = "123456:TEST-TOKEN", TimeProvider? clock = null, CancellationToken ct = default)
    {
        var colon = token.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !long.TryParse(token[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var botId))
        {
            throw new ArgumentException("A bot token looks like '<bot id>:<secret>'.", nameof(token));
        }

        clock ??= TimeProvider.System;
        var bot = TelegramObjects.BotUser(botId);
        var (log, chats, updates) = (new CallLog(clock), new ChatStore(clock, bot), new UpdateQueue());
        var stopping = new CancellationTokenSource();
        var router = new BotApiRouter(token, bot, log, chats, updates, stopping.Token);

        // The empty builder reads no appsettings or environment, so nothing can rebind the port or add logging noise.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(router.HandleAsync);

        var api = new FakeBotApi(token, clock, app, stopping, log, chats, updates);
        try
        {
            await app.StartAsync(ct);
            var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            api.BaseUrl = addresses.Addresses.Single().TrimEnd('/');
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>The person chatting with the bot in a private chat whose id is <paramref name="id"/>.</summary>
    public FakeUser User(long id, string firstName = "Anna", string? username = null, string languageCode = "ru")
    {
        lock (_usersGate)
        {
            if (!_users.TryGetValue(id, out var user))
            {
                user = new FakeUser(this, Chats.AddUser(id, firstName, username, languageCode));
                _users.Add(id, user);
            }

            return user;
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with this error.</summary>
    public void Fail(string method, int errorCode, string description, int times = 1, int? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        Log.AddFailure(method, ApiResult.Error(errorCode, description, retryAfter), times);
    }

    /// <summary>
    /// From now on updates are not queued for getUpdates but POSTed to the hosts' webhook endpoints, spread over them
    /// as a load balancer would; an update counts as processed once its POST is answered.
    /// </summary>
    public void DeliverByWebhook(WebhookDelivery delivery) => _webhook = delivery;

    /// <summary>Queues an update for the bot's next getUpdates (or posts it to a webhook); assigns and returns its id.</summary>
    public long Enqueue(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Complete(update.Message);
        if (update.CallbackQuery is { } query)
        {
            Chats.RegisterQuery(query);
        }

        try
        {
            // Fail here, where the test built the update, rather than later inside the bot's poll.
            JsonSerializer.Serialize(update, JsonBotAPI.Options);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException($"Telegram.Bot cannot serialize this update: {ex.Message}", nameof(update), ex);
        }

        if (_webhook is { } webhook)
        {
            update.Id = Updates.NextId();
            webhook.Post(update);
            return update.Id;
        }

        return Updates.Enqueue(update);
    }

    /// <summary>Prepares an update as <see cref="Enqueue"/> does and gives it an id, without delivering it.</summary>
    public Update Register(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Complete(update.Message);
        if (update.CallbackQuery is { } query)
        {
            Chats.RegisterQuery(query);
        }

        update.Id = Updates.NextId();
        return update;
    }

    /// <summary>
    /// Completes once the bot has confirmed the update by polling past it, which a polling bot
    /// does only after its handler for that update has finished.
    /// </summary>
    public Task WaitProcessedAsync(long updateId, CancellationToken ct = default) =>
        _webhook is { } webhook
            ? webhook.WaitAnsweredAsync(updateId, ProcessTimeout, ct)
            : Updates.WaitProcessedAsync(updateId, ProcessTimeout, ct);

    public async Task WaitForPollAsync(CancellationToken ct = default)
    {
        try
        {
            await Updates.FirstPoll.WaitAsync(ProcessTimeout, TimeProvider.System, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"The bot did not call getUpdates within {ProcessTimeout.TotalSeconds:0.###} s. Is it started and pointed at {BaseUrl} with token {Token}?");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _webhook?.Dispose();

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
