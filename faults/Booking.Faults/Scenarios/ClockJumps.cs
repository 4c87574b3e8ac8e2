using Booking.Bot.Notifications;
using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Booking.Faults.Scenarios;

/// <summary>
/// 8: the host's clock jumps — forward over the end of summer time in Europe/Berlin, and back by an hour, again and
/// again — while bookings' reminders come due. Every reminder and review request goes out exactly once.
/// </summary>
public sealed class ClockJumps : IScenario
{
    private const long AdminId = 900_000_001;

    /// <summary>Saturday 24 October 2026, 08:00 in Berlin (summer time, UTC+2); summer time ends on Sunday 25th at 03:00.</summary>
    private static readonly DateTimeOffset Start = new(2026, 10, 24, 6, 0, 0, TimeSpan.Zero);

    public int Number => 8;
    public string Name => "clock-jumps";
    public string Title => "clock jumps over DST and backwards";

    public async Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "bookingbot-faults", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = new ManualClock(Start);
        await using var api = await FakeBotApi.StartAsync(clock: clock, ct: ct);
        await using var host = await BotHost.StartAsync(api, clock, Path.Combine(folder, "booking.db"), [AdminId], "Europe/Berlin", InProcess.Quiet());
        await BotScenario.SeedAsync(host);

        // Sunday 25th, after the change to winter time: 10:00–13:00 local are 09:00–12:00 UTC.
        var clients = Enumerable.Range(0, 4).Select(i => api.User(4000 + i, "Клиент" + i)).ToList();
        for (var i = 0; i < clients.Count; i++)
        {
            await clients[i].SendTextAsync("/book");
            await clients[i].PressAsync("Массаж");
            await clients[i].PressAsync("25 🟢");
            await clients[i].PressAsync($"{10 + i}:00");
            await clients[i].PressAsync("✅ Подтвердить");
        }

        var before = clients.ToDictionary(c => c.Id, c => c.Messages.Count);
        var planned = await host.DbAsync(db => db.Notifications.CountAsync());
        report.Say($"4 bookings on Sun 25 Oct 10:00–13:00 Berlin, {planned} notifications planned; clock at {Start:u}");

        var worker = host.Services.GetRequiredService<NotificationWorker>();
        var moves = Moves().ToList();
        foreach (var (label, to) in moves)
        {
            clock.Set(to);
            await worker.SweepAsync(ct);
        }

        report.Say($"{moves.Count} clock moves ({moves.Count(m => m.Label == "back")} backwards by 1 h, one forward over the DST change), a sweep after each; now {clock.GetUtcNow():u}");
        await CheckAsync(host, clients, before, report);
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TryDelete(folder);
    }

    /// <summary>Forward past the day-before reminders, back an hour, a day forward over the DST change, then half-hour steps with an hour back now and then.</summary>
    private static IEnumerable<(string Label, DateTimeOffset To)> Moves()
    {
        var t = Start.AddHours(7);
        yield return ("forward", t);
        yield return ("back", t.AddHours(-1));
        t = new DateTimeOffset(2026, 10, 25, 6, 30, 0, TimeSpan.Zero);
        yield return ("forward over DST", t);
        var step = 0;
        while (t < new DateTimeOffset(2026, 10, 25, 17, 0, 0, TimeSpan.Zero))
        {
            t = t.AddMinutes(30);
            yield return ("forward", t);
            if (++step % 3 == 0)
            {
                yield return ("back", t.AddHours(-1));
                yield return ("forward", t);
            }
        }
    }

    private static async Task CheckAsync(BotHost host, List<FakeUser> clients, Dictionary<long, int> before, Report report)
    {
        var notifications = await host.DbAsync(db => db.Notifications.AsNoTracking().ToListAsync());
        var notSent = notifications.Where(n => n.Status != NotificationStatus.Sent).ToList();
        report.Check("every reminder and review request sent", notSent.Count == 0,
            $"{notifications.Count - notSent.Count} of {notifications.Count} sent"
            + (notSent.Count > 0 ? "; not sent: " + string.Join(", ", notSent.Select(n => $"{n.Kind} {n.OffsetMinutes} min {n.Status} ({n.LastError})")) : ""));

        var received = clients.Sum(c => c.Messages.Count - before[c.Id]);
        var reminders = clients.Sum(c => c.Messages.Skip(before[c.Id]).Count(m => m.Text.Contains("⏰ Напоминаю", StringComparison.Ordinal)));
        report.Check("nothing sent twice", received == notifications.Count,
            $"messages to clients after booking={received}, notifications={notifications.Count}, reminder texts={reminders}");
        var perBooking = notifications.Where(n => n.Kind == NotificationKind.Reminder).GroupBy(n => n.BookingId)
            .Select(g => string.Join("/", g.OrderByDescending(n => n.OffsetMinutes).Select(n => n.OffsetMinutes))).Distinct();
        report.Check("24 h, 2 h and 1 h reminders planned for each", perBooking.SequenceEqual(["1440/120/60"]), "offsets: " + string.Join("; ", perBooking));
    }

    internal static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
