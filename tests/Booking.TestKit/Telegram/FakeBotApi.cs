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
