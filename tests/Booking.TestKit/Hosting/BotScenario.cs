using Booking.Core.Domain;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Booking.TestKit.Hosting;

/// <summary>
/// One end-to-end world: a fake Bot API, the real host on a fresh SQLite file, a fake clock, an admin, and a
/// business open every day 09:00–18:00 with hourly slots. Tests change the data through <see cref="Host"/>.
/// </summary>
public sealed class BotScenario : IAsyncDisposable
{
    public const long AdminId = 900_000_001;

    /// <summary>Tuesday 1 December 2026, 09:00 in Moscow (UTC+3).</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly string _directory;

    private BotScenario(string directory, FakeBotApi api, BotHost host, FakeTimeProvider clock)
    {
        _directory = directory;
        Api = api;
        Host = host;
        Clock = clock;
    }

    public FakeBotApi Api { get; }
    public BotHost Host { get; }
    public FakeTimeProvider Clock { get; }
    public string DatabasePath => Path.Combine(_directory, "booking.db");

    /// <summary>This scenario's own folder (removed with it); backups go to its "backups" folder by default.</summary>
    public string Folder => _directory;
    public FakeUser Admin => Api.User(AdminId, "Owner", "owner");

    /// <summary>The seeded service: "Массаж", 60 minutes, 2 500 ₽.</summary>
    public int MassageId { get; private set; }

    /// <param name="settings">Configuration on top of the test defaults, e.g. RATE_LIMIT_ACTIONS or BACKUP_TIME.</param>
    public static async Task<BotScenario> StartAsync(
        string timeZone = "Europe/Moscow", DateTimeOffset? now = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bookingbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var clock = new FakeTimeProvider(now ?? DefaultNow);
        var api = await FakeBotApi.StartAsync(clock: clock);
        var host = await BotHost.StartAsync(api, clock, Path.Combine(directory, "booking.db"), [AdminId], timeZone, settings);
        var scenario = new BotScenario(directory, api, host, clock);
        scenario.MassageId = await SeedAsync(host);
        return scenario;
    }

    public FakeUser User(long id, string firstName = "Anna", string languageCode = "ru") => Api.User(id, firstName, null, languageCode);

    /// <summary>Adds a service and returns its id.</summary>
    public Task<int> AddServiceAsync(string name, int minutes, decimal price, int? intervalMinutes = null) =>
        Host.DbAsync(async db =>
        {
            var service = new Service(name, null, minutes, price, "RUB", await db.Services.CountAsync() + 1);
            service.UseSlotInterval(intervalMinutes);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });

    /// <summary>A past massage of this client, booked the day before and marked completed by the owner; returns its id.</summary>
    public Task<int> AddCompletedVisitAsync(long clientId, DateTime startUtc) => Host.DbAsync(async db =>
    {
        var massage = await db.Services.SingleAsync(s => s.Id == MassageId);
        var visit = Booking.Core.Domain.Booking.Create(
            clientId, massage, startUtc, Actor.Client, clientId, new NotificationPlan([], 120), startUtc.AddDays(-1));
        visit.MarkCompleted(Actor.Admin, AdminId, startUtc.AddHours(1));
        db.Bookings.Add(visit);
        await db.SaveChangesAsync();
        return visit.Id;
    });

    public Task<List<Booking.Core.Domain.Booking>> BookingsAsync() =>
        Host.DbAsync(db => db.Bookings.AsNoTracking().Include(b => b.History).OrderBy(b => b.Id).ToListAsync());

    public Task UpdateSettingsAsync(Action<BusinessSettings> change) => Host.DbAsync(async db =>
    {
        var settings = await db.Settings.SingleAsync();
        change(settings);
        await db.SaveChangesAsync();
    });

    /// <summary>Open every day 09:00–18:00; the seeded services hidden and "Массаж" added; returns its id.</summary>
    public static Task<int> SeedAsync(BotHost host) =>
        host.DbAsync(async db =>
        {
            foreach (var day in await db.WorkingDays.ToListAsync())
            {
                day.SetHours(new TimeOnly(9, 0), new TimeOnly(18, 0));
            }

            foreach (var existing in await db.Services.ToListAsync())
            {
                existing.Deactivate();
            }

            var service = new Service("Массаж", "Классический массаж спины", 60, 2500m, "RUB", 0);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            return service.Id;
        });

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Api.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
