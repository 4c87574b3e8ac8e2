using System.Net;
using Booking.LocalBotApi;
using Update = Telegram.Bot.Types.Update;

namespace Booking.TestKit.Telegram;

/// <summary>
/// A Telegram Bot API server on loopback for end-to-end tests (the host's own <see cref="LocalBotApiServer"/>):
/// the bot under test talks to it over real HTTP exactly as it would to api.telegram.org, and tests play the users.
/// </summary>
public sealed class FakeBotApi : IAsyncDisposable
{
    private readonly LocalBotApiServer _server;
    private readonly Lock _usersGate = new();
    private readonly Dictionary<long, FakeUser> _users = [];
    private WebhookDelivery? _webhook;
    private int _disposed;

    private FakeBotApi(LocalBotApiServer server) => _server = server;

    public string BaseUrl => _server.BaseUrl;

    public string Token => _server.Token;

    /// <summary>How long <see cref="WaitProcessedAsync"/> and user actions wait for the bot (real time).</summary>
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Every request in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedCall> Calls => _server.Calls;

    public IReadOnlyList<RecordedCommandSet> CommandSets => _server.CommandSets;

    /// <summary>
    /// Chooses, for every call (by method name and chat_id, if any), a failure to play instead of handling it, or null to handle it:
    /// a flaky Telegram for fault tests. Null (the default) injects nothing.
    /// </summary>
    public Func<string, long?, ApiFault?>? Faults
    {
        get => _server.Faults;
        set => _server.Faults = value;
    }

    /// <summary>Every failure <see cref="Faults"/> played, in arrival order.</summary>
    public IReadOnlyList<InjectedFault> InjectedFaults => _server.InjectedFaults;

    public static async Task<FakeBotApi> StartAsync(string token = "123456:TEST-TOKEN", TimeProvider? clock = null, CancellationToken ct = default) =>
        new(await LocalBotApiServer.StartAsync(token, clock, "booking_test_bot", ct));

    /// <summary>The person chatting with the bot in a private chat whose id is <paramref name="id"/>.</summary>
    public FakeUser User(long id, string firstName = "Anna", string? username = null, string languageCode = "ru")
    {
        lock (_usersGate)
        {
            if (!_users.TryGetValue(id, out var user))
            {
                user = new FakeUser(this, _server.Chat(id, firstName, username, languageCode));
                _users.Add(id, user);
            }

            return user;
        }
    }

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with this error.</summary>
    public void Fail(string method, int errorCode, string description, int times = 1, int? retryAfter = null) =>
        _server.Fail(method, errorCode, description, times, retryAfter);

    /// <summary>
    /// Numbers this server's updates after <paramref name="lastId"/>: two bot processes sharing one database, each
    /// given its own fake server, would otherwise see the same update ids and skip each other's as already applied.
    /// </summary>
    public void ContinueUpdateIdsAfter(int lastId) => _server.ContinueUpdateIdsAfter(lastId);

    /// <summary>
    /// From now on updates are not queued for getUpdates but POSTed to the hosts' webhook endpoints, spread over them
    /// as a load balancer would; an update counts as processed once its POST is answered.
    /// </summary>
    public void DeliverByWebhook(WebhookDelivery delivery)
    {
        _webhook = delivery;
        _server.DeliverThrough(update =>
        {
            delivery.Post(update);
            return update.Id;
        });
    }

    /// <summary>Queues an update for the bot's next getUpdates (or posts it to a webhook); assigns and returns its id.</summary>
    public long Enqueue(Update update) => _server.Submit(update);

    /// <summary>Prepares an update as <see cref="Enqueue"/> does and gives it an id, without delivering it.</summary>
    public Update Register(Update update) => _server.Register(update);

    /// <summary>
    /// Queues updates together (polling mode), so the bot receives them in one getUpdates batch — as Telegram hands
    /// over whatever piled up — and handles them in parallel across chats. Returns their ids.
    /// </summary>
    public IReadOnlyList<long> EnqueueTogether(IReadOnlyList<Update> updates) => _server.EnqueueTogether(updates);

    /// <summary>
    /// The JSON Telegram would send for the update, numbering it first if it has no id yet, without delivering it:
    /// for a test that delivers it itself (many times, or by webhook).
    /// </summary>
    public string Prepare(Update update)
    {
        ArgumentNullException.ThrowIfNull(update);
        return _server.UpdateJson(update.Id != 0 ? update.Id : _server.Register(update).Id);
    }

    /// <summary>
    /// Like <see cref="DeliverByWebhook(WebhookDelivery)"/> for one host: every update (from users, <see cref="Enqueue"/>,
    /// <see cref="Redeliver"/>) is POSTed to <paramref name="hostAddress"/> + <paramref name="path"/> with the secret header.
    /// </summary>
    public void DeliverByWebhook(Uri hostAddress, string path, string secret)
    {
        DeliverByWebhook(new WebhookDelivery([new Uri(hostAddress, path)], secret));
    }

    /// <summary>POSTs any body to the bot's webhook (see <see cref="DeliverByWebhook(Uri, string, string)"/>) and returns the HTTP status.</summary>
    public Task<HttpStatusCode> PostToWebhookAsync(string body, CancellationToken ct = default) =>
        (_webhook ?? throw new InvalidOperationException("Call DeliverByWebhook first.")).PostRawAsync(body, ct);

    /// <summary>The JSON Telegram would send for an update already numbered.</summary>
    public string UpdateJson(long updateId) => _server.UpdateJson(updateId);

    /// <summary>
    /// Serves an update that was already delivered (same update_id) again, <paramref name="times"/> times: at the bot's
    /// next getUpdates whether or not the bot confirmed it (Telegram re-delivering after a lost confirmation), or as
    /// that many more webhook POSTs.
    /// </summary>
    public void Redeliver(long updateId, int times = 1)
    {
        if (_webhook is null)
        {
            _server.Redeliver(updateId, times);
            return;
        }

        var json = UpdateJson(updateId);
        for (var i = 0; i < times; i++)
        {
            _ = _webhook.PostRawAsync(json);
        }
    }

    /// <summary>
    /// Completes once the bot has confirmed the update by polling past it, which a polling bot
    /// does only after its handler for that update has finished.
    /// </summary>
    public Task WaitProcessedAsync(long updateId, CancellationToken ct = default) =>
        _webhook is { } webhook
            ? webhook.WaitAnsweredAsync(updateId, ProcessTimeout, ct)
            : _server.WaitProcessedAsync(updateId, ProcessTimeout, ct);

    public Task WaitForPollAsync(CancellationToken ct = default) => _server.WaitForPollAsync(ProcessTimeout, ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _webhook?.Dispose();
        await _server.DisposeAsync();
    }
}
