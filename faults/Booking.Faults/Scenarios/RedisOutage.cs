using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Redis;
using Booking.TestKit.Telegram;

namespace Booking.Faults.Scenarios;

/// <summary>
/// 4: Redis (REDIS_URL) stopped and started while clients book. Phase one books with Redis up; in phase two Redis is
/// stopped with wizards open, the clients start over on another time and confirm while it is down; in phase three it
/// comes back with the drafts it held from before (its data kept), and clients book on. Every confirmed booking must
/// exist once, at the time the client last chose, with no overlaps.
/// </summary>
public sealed class RedisOutage : IScenario
{
    private static readonly string[] Days = ["2", "3", "4", "7"];

    public int Number => 4;
    public string Name => "redis-outage";
    public string Title => "Redis stopped and started under load";

    public async Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        if (!File.Exists(RedisServer.Executable))
        {
            report.Skip($"{RedisServer.Executable} is not installed");
            return;
        }

        var perPhase = Math.Clamp(options.Count ?? 4, 1, Days.Length);
        await using var redis = await RedisServer.StartAsync(keepData: true);
        await using var s = await InProcess.StartAsync(false, new Dictionary<string, string?> { ["REDIS_URL"] = redis.Url });
        var expected = new Dictionary<long, int>();

        var first = Clients(s, 0, perPhase);
        await Task.WhenAll(first.Select((c, i) => BookAsync(c, Days[i], 10, expected)));
        report.Say($"phase 1, Redis up: {perPhase} clients booked at 10:00");

        var second = Clients(s, 1, perPhase);
        await Task.WhenAll(second.Select((c, i) => OpenConfirmAsync(c, Days[i], 12)));
        await redis.StopAsync();
        await Task.WhenAll(second.Select((c, i) => BookAsync(c, Days[i], 14, expected)));
        report.Say($"phase 2: {perPhase} wizards open at 12:00 when Redis stopped; they started over on 14:00 and confirmed while it was down");

        await redis.StartAsync();
        await WaitForRedisAsync(s, "ok");
        var third = Clients(s, 2, perPhase);
        await Task.WhenAll(third.Select((c, i) => OpenConfirmAsync(c, Days[i], 16)));
        await redis.StopAsync();
        await Task.WhenAll(third.Select((c, i) => OpenConfirmAsync(c, Days[i], 17)));
        await WaitForRedisAsync(s, "unreachable");
        await redis.StartAsync();
        await WaitForRedisAsync(s, "ok");
        await Task.WhenAll(third.Select(c => ConfirmAsync(c, 17, expected)));
        report.Say($"phase 3: {perPhase} drafts at 16:00 kept by Redis, changed to 17:00 while it was down; Redis back with its old copies, then confirmed");

        await CheckAsync(s, [.. first, .. second, .. third], expected, report);
    }

    /// <summary>Until the host's /health says Redis is <paramref name="state"/> (it re-checks a lost Redis about once a second).</summary>
    private static async Task WaitForRedisAsync(BotScenario s, string state)
    {
        using var http = new HttpClient { BaseAddress = s.Host.Address };
        await CrashLab.WaitUntilAsync(
            () => http.GetStringAsync("/health").GetAwaiter().GetResult().Contains($"\"redis\":\"{state}\"", StringComparison.Ordinal),
            TimeSpan.FromSeconds(30), $"Redis {state} in /health", CancellationToken.None);
    }

    private static List<FakeUser> Clients(BotScenario s, int phase, int count) =>
        Enumerable.Range(0, count).Select(i => s.User(4_000 + (phase * 100) + i, $"Клиент{phase}{i}")).ToList();

    private static async Task OpenConfirmAsync(FakeUser client, string day, int hour)
    {
        await client.SendTextAsync("/book");
        await client.PressAsync("Массаж");
        await client.PressAsync(day + " 🟢");
        await client.PressAsync($"{hour}:00");
    }

    private static async Task BookAsync(FakeUser client, string day, int hour, Dictionary<long, int> expected)
    {
        await OpenConfirmAsync(client, day, hour);
        await ConfirmAsync(client, hour, expected);
    }

    private static async Task ConfirmAsync(FakeUser client, int hour, Dictionary<long, int> expected)
    {
        await client.PressAsync("✅ Подтвердить");
        lock (expected)
        {
            expected[client.Id] = hour;
        }
    }

    private static async Task CheckAsync(BotScenario s, List<FakeUser> clients, Dictionary<long, int> expected, Report report)
    {
        var active = (await s.BookingsAsync()).Where(b => b.Status == BookingStatus.Confirmed).ToList();
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var wrong = clients.Where(c => active.Count(b => b.ClientId == c.Id) != 1
            || active.Single(b => b.ClientId == c.Id) is var b && TimeZoneInfo.ConvertTimeFromUtc(b.StartUtc, moscow).Hour != expected[c.Id]).ToList();
        var overlaps = active.SelectMany(a => active.Where(b => a.Id < b.Id && a.StartUtc < b.EndUtc && b.StartUtc < a.EndUtc)).Count();
        var told = clients.Count(c => InProcess.Count(c, "Вы записаны") == 1);
        var unanswered = clients.Sum(c => c.UnansweredCallbacks);

        report.Check("every client has exactly one booking, at the time last chosen", wrong.Count == 0,
            $"bookings={active.Count}, clients={clients.Count}, wrong={string.Join(",", wrong.Select(c => c.FirstName))}");
        report.Check("every client was told once", told == clients.Count, $"told={told}/{clients.Count}");
        report.Check("no overlapping bookings", overlaps == 0, $"overlaps={overlaps}");
        report.Check("every button answered", unanswered == 0, $"unanswered={unanswered}");

        using var http = new HttpClient { BaseAddress = s.Host.Address };
        var fallbacks = (await http.GetStringAsync("/metrics")).Split('\n')
            .Where(l => l.StartsWith("bookingbot_redis_fallbacks_total{", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        report.Check("the outages were really served without Redis", fallbacks > 0, $"redis fallbacks={fallbacks}");
    }
}
