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
    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, Task<HttpStatusCode>> _posted = new();
    private (HttpClient Http, string Path, string Secret)? _webhook;
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

    /// <summary>
    /// Chooses, for every call (by method name and chat_id, if any), a failure to play instead of handling it, or null to handle it:
    /// a flaky Telegram for fault tests. Null (the default) injects nothing.
    /// </summary>
    public Func<string, long?, ApiFault?>? Faults
    {
        get => Log.FaultPolicy;
        set => Log.FaultPolicy = value;
    }

    /// <summary>Every failure <see cref="Faults"/> played, in arrival order.</summary>
    public IReadOnlyList<InjectedFault> InjectedFaults => Log.Injected;

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

    /// <summary>Queues an update for the bot's next getUpdates; assigns and returns its id.</summary>
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

        if (_webhook is null)
        {
            return Updates.Enqueue(update);
        }

        var id = Updates.AssignId(update);
        _posted[id] = PostToWebhookAsync(UpdateJson(id));
        return id;
    }

    /// <summary>
    /// Queues updates together (polling mode), so the bot receives them in one getUpdates batch — as Telegram hands
    /// over whatever piled up — and handles them in parallel across chats. Returns their ids.
    /// </summary>
    public IReadOnlyList<long> EnqueueTogether(IReadOnlyList<Update> updates)
    {
        ArgumentNullException.ThrowIfNull(updates);
        foreach (var update in updates)
        {
            Complete(update.Message);
            if (update.CallbackQuery is { } query)
            {
                Chats.RegisterQuery(query);
            }
        }

        return Updates.EnqueueAll(updates);
    }

    /// <summary>
    /// Gives the update an id and makes its callback query answerable, without delivering it; returns the JSON Telegram
    /// would send, for a test that delivers it itself (many times, or by webhook).
    /// </summary>
    public string Prepare(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        Complete(update.Message);
        if (update.CallbackQuery is { } query)
        {
            Chats.RegisterQuery(query);
        }

        return UpdateJson(Updates.AssignId(update));
    }

    /// <summary>
    /// From now on every update (from users, <see cref="Enqueue"/>, <see cref="Redeliver"/>) is POSTed to the bot's webhook
    /// at <paramref name="hostAddress"/> + <paramref name="path"/> with the secret header, as Telegram does in webhook mode,
    /// and counts as processed when the bot has answered the POST.
    /// </summary>
    public void DeliverByWebhook(Uri hostAddress, string path, string secret)
    {
        var http = new HttpClient { BaseAddress = hostAddress, Timeout = TimeSpan.FromSeconds(100) };
        _webhook = (http, path, secret);
    }

    /// <summary>POSTs any body to the bot's webhook (see <see cref="DeliverByWebhook"/>) and returns the HTTP status.</summary>
    public async Task<HttpStatusCode> PostToWebhookAsync(string body, CancellationToken ct = default)
    {
        var (http, path, secret) = _webhook ?? throw new InvalidOperationException("Call DeliverByWebhook first.");
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        using var response = await http.SendAsync(request, ct);
        return response.StatusCode;
    }

    /// <summary>The JSON Telegram would send for an update already enqueued.</summary>
    public string UpdateJson(long updateId) => JsonSerializer.Serialize(Updates.Delivered(updateId), JsonBotAPI.Options);

    /// <summary>
    /// Serves an update that was already delivered (same update_id) again, <paramref name="times"/> times, at the
    /// bot's next getUpdates, whether or not the bot confirmed it: Telegram re-delivering after a lost confirmation.
    /// </summary>
    public void Redeliver(long updateId, int times = 1)
    {
        if (_webhook is null)
        {
            Updates.Redeliver(updateId, times);
            return;
        }

        var json = UpdateJson(updateId);
        for (var i = 0; i < times; i++)
        {
            _ = PostToWebhookAsync(json);
        }
    }

    /// <summary>
    /// Completes once the bot has confirmed the update by polling past it, which a polling bot
    /// does only after its handler for that update has finished.
    /// </summary>
    public async Task WaitProcessedAsync(long updateId, CancellationToken ct = default)
    {
        if (_posted.TryRemove(updateId, out var post))
        {
            await post.WaitAsync(ProcessTimeout, TimeProvider.System, ct);
            return;
        }

        await Updates.WaitProcessedAsync(updateId, ProcessTimeout, ct);
    }

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

        // Release held long polls first, or Kestrel would wait for them to time out before stopping.
        await _stopping.CancelAsync();
        Updates.Dispose();
        using (var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(stopTimeout.Token);
        }

        await _app.DisposeAsync();
        _stopping.Dispose();
        _webhook?.Http.Dispose();
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
