using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Booking.TestKit.Hosting;

/// <summary>
/// Several instances of the real host on one PostgreSQL database, all in webhook mode and sharing one fake Bot API
/// and one fake clock. Nobody polls: the scenario plays Telegram behind a load balancer, posting each update to the
/// next host's webhook endpoint in turn. The business is the one of <see cref="BotScenario"/>.
/// </summary>
public sealed class ClusterScenario : IAsyncDisposable
{
    public const long AdminId = BotScenario.AdminId;
    public const string WebhookUrl = "https://bot.example.com/telegram/cluster-5d1e";
    public const string WebhookSecret = "Cluster-secret_0123456789abcdef";

    private readonly string _directory;
    private readonly TestPostgresServer.Database _database;

    private ClusterScenario(string directory, TestPostgresServer.Database database, FakeBotApi api, FakeTimeProvider clock, IReadOnlyList<BotHost> hosts)
    {
        (_directory, _database, Api, Clock, Hosts) = (directory, database, api, clock, hosts);
    }

    public FakeBotApi Api { get; }

    public FakeTimeProvider Clock { get; }

    public IReadOnlyList<BotHost> Hosts { get; }

    public WebhookDelivery Webhook { get; private set; } = null!;

    public int MassageId { get; private set; }

    public FakeUser Admin => Api.User(AdminId, "Owner", "owner");

    /// <summary>Starts <paramref name="hosts"/> instances at once on a new, empty database (they race to migrate it).</summary>
    public static async Task<ClusterScenario> StartAsync(int hosts = 2, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bookingbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var clock = new FakeTimeProvider(BotScenario.DefaultNow);
        var database = await TestPostgresServer.CreateDatabaseAsync();
        var api = await FakeBotApi.StartAsync(clock: clock);

        // Two hosts migrating one database and a loaded machine: more than the default ten seconds may pass.
        api.ProcessTimeout = TimeSpan.FromSeconds(60);
        var webhook = new HostWebhook(WebhookUrl, WebhookSecret);
        var started = await Task.WhenAll(Enumerable.Range(0, hosts).Select(i => BotHost.StartOnPostgresAsync(
            api, clock, database.ConnectionString, Path.Combine(directory, "host" + i), [AdminId], webhook, settings)));
        var scenario = new ClusterScenario(directory, database, api, clock, started);
        scenario.Webhook = new WebhookDelivery(started.Select(h => h.WebhookEndpoint).ToList(), WebhookSecret);
        api.DeliverByWebhook(scenario.Webhook);
        scenario.MassageId = await BotScenario.SeedAsync(started[0]);
        return scenario;
    }

    public FakeUser User(long id, string firstName = "Anna", string languageCode = "ru") => Api.User(id, firstName, null, languageCode);

    /// <summary>
    /// Every entry the hosts have written to their log files so far at Error level or above. The file sink writes each
    /// entry as it comes, so the running hosts' files are read as they are.
    /// </summary>
    public IReadOnlyList<string> LoggedErrors() =>
        Directory.GetFiles(_directory, "bot-*.log", SearchOption.AllDirectories)
            .SelectMany(ReadShared)
            .Where(line => line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal))
            .ToList();

    private static IEnumerable<string> ReadShared(string path)
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    public Task<List<Booking.Core.Domain.Booking>> BookingsAsync() =>
        Hosts[0].DbAsync(db => db.Bookings.AsNoTracking().OrderBy(b => b.Id).ToListAsync());

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }

        await Api.DisposeAsync();
        await _database.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Only a temp folder is left behind.
        }
    }
}
