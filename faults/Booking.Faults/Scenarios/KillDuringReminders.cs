using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Clients;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Booking.Faults.Scenarios;

/// <summary>
/// 2: many reminders due at once; the bot process is killed with SIGKILL in the middle of sending them, --count times
/// (5 by default), and restarted. Every reminder reaches its client; a crash may repeat at most one — the one in flight.
/// </summary>
public sealed class KillDuringReminders : IScenario
{
    public const int DefaultBookings = 200;
    public const int DefaultKills = 5;

    public int Number => 2;
    public string Name => "kill-reminders";
    public string Title => "kill -9 during reminder sending";

    public async Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        var kills = options.Count ?? DefaultKills;
        var bookings = DefaultBookings;
        var rng = new Random(options.Seed);
        await using var lab = await CrashLab.StartAsync();
        await lab.StartBotAsync(ct); // creates and migrates the database
        await lab.Bot.KillAsync();
        var clients = await SeedAsync(lab, bookings, ct);
        report.Say($"seeded {clients.Count} bookings, each with its day-before reminder due a minute ago; {kills} kills while sending (seed {options.Seed})");

        var inFlight = new HashSet<long>();
        for (var k = 0; k < kills; k++)
        {
            var sent = Reminders(lab);
            var after = rng.Next(1, Math.Max(2, clients.Count / (kills + 1)));
            lab.Bot.Start();
            await CrashLab.WaitUntilAsync(() => Reminders(lab) >= sent + after, TimeSpan.FromMinutes(4), $"{after} more reminders", ct);
            await lab.Bot.KillAsync();
            inFlight.Add(LastReminderChat(lab));
            report.Say($"kill {k + 1}: after {Reminders(lab) - sent} reminders in this run ({Reminders(lab)} so far)");
        }

        // Claims of the killed runs are released when their 2-minute lease ends; the sweep runs every 30 s.
        await lab.StartBotAsync(ct);
        report.Say("restarted for good; waiting for the leases of the killed runs to end (up to 3 min)");
        await using var core = lab.Core(TimeProvider.System);
        await WaitAllSentAsync(core, ct);
        await lab.Bot.KillAsync();
        await CheckAsync(lab, core, clients, kills, inFlight, report, ct);
    }

    /// <summary>The client of the last reminder the fake received: the one the bot may not have marked sent when killed.</summary>
    private static long LastReminderChat(CrashLab lab)
    {
        var last = lab.Api.Calls.Last(c => c.Method == "sendMessage" && IsSeededClient(c.Body));
        using var json = System.Text.Json.JsonDocument.Parse(last.Body);
        return json.RootElement.GetProperty("chat_id").GetInt64();
    }

    /// <summary>Messages sent to the seeded clients, who never write to the bot: each one is a reminder.</summary>
    private static int Reminders(CrashLab lab) => lab.Api.Calls.Count(c => c.Method == "sendMessage" && IsSeededClient(c.Body));

    private static bool IsSeededClient(string body)
    {
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.TryGetProperty("chat_id", out var chat) && chat.TryGetInt64(out var id) && id is >= FirstClient and < FirstClient + 10_000;
    }

    private const long FirstClient = 7000;

    private static async Task CheckAsync(
        CrashLab lab, IServiceProvider core, List<long> clients, int kills, HashSet<long> inFlight, Report report, CancellationToken ct)
    {
        var perClient = clients.ToDictionary(c => c, c => lab.Api.User(c).Messages.Count(m => m.Text.Contains("Напоминаю", StringComparison.Ordinal)));
        var lost = perClient.Count(p => p.Value == 0);
        var duplicates = perClient.Sum(p => Math.Max(0, p.Value - 1));
        var worst = perClient.Values.Max();
        report.Check("0 reminders lost", lost == 0, $"{clients.Count} due, {perClient.Count(p => p.Value > 0)} delivered, lost={lost}");
        report.Check("at most one duplicate per crash", duplicates <= kills && worst <= 2,
            $"duplicates={duplicates} for {kills} kills, most copies of one reminder={worst}");
        var strays = perClient.Where(p => p.Value > 1 && !inFlight.Contains(p.Key)).Select(p => p.Key).ToList();
        report.Check("duplicates only of a reminder in flight at a kill", strays.Count == 0,
            $"duplicated={perClient.Count(p => p.Value > 1)}, of them not in flight at a kill={strays.Count}");
        var db = CrashLab.OpenDb(core);
        var states = await db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.Reminder && n.OffsetMinutes == 1440)
            .GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        report.Check("every due reminder marked sent", states.All(s => s.Key == NotificationStatus.Sent),
            string.Join(", ", states.Select(s => $"{s.Key} {s.Count}")));
        await Invariants.CheckSqliteFileAsync(lab.DatabasePath, report, ct);
    }

    private static async Task WaitAllSentAsync(IServiceProvider core, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromMinutes(4))
        {
            await using var scope = core.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
            if (!await db.Notifications.AnyAsync(n => n.Kind == NotificationKind.Reminder && n.OffsetMinutes == 1440
                && (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending), ct))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromSeconds(2), ct);
        }
    }

    /// <summary>
    /// Books through the core feature (one client each, hourly slots on the coming days), then moves every day-before
    /// reminder to a minute ago; the 2 h and 1 h reminders and review requests stay in the future.
    /// </summary>
    private static async Task<List<long>> SeedAsync(CrashLab lab, int count, CancellationToken ct)
    {
        var now = TimeProvider.System.GetUtcNow();
        var clock = new FakeTimeProvider(now);
        await using var core = lab.Core(clock);
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, moscow).DateTime);
        var clients = new List<long>();
        for (var (day, hour) = (today.AddDays(2), 9); clients.Count < count && day < today.AddDays(80); (day, hour) = hour == 18 ? (day.AddDays(1), 9) : (day, hour + 1))
        {
            await using var scope = core.CreateAsyncScope();
            var services = scope.ServiceProvider;
            var id = FirstClient + clients.Count;
            await services.GetRequiredService<RegisterClient.Handler>().HandleAsync(new RegisterClient.Request(id, "Клиент", null, null, "ru"), ct);
            var serviceId = await services.GetRequiredService<BookingDb>().Services.Where(s => s.IsActive).Select(s => s.Id).FirstAsync(ct);
            var start = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), moscow);
            var result = await services.GetRequiredService<BookSlot.Handler>().HandleAsync(new BookSlot.Request(id, serviceId, start), ct);
            if (result.Outcome == BookSlot.Outcome.Booked)
            {
                clients.Add(id);
            }
        }

        await using (var scope = core.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
            await db.Notifications.Where(n => n.Kind == NotificationKind.Reminder && n.OffsetMinutes == 1440)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.DueUtc, now.UtcDateTime.AddMinutes(-1)), ct);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return clients;
    }
}
