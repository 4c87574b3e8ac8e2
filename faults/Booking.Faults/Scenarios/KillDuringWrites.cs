using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Booking.Faults.Scenarios;

/// <summary>
/// 1: the bot as its own process is killed with SIGKILL at random moments while clients book, cancel and reschedule,
/// and started again, --count times (20 by default). Afterwards the SQLite file is read directly: no overlap, no client
/// above the limit, no booking without its notifications or the reverse, integrity ok, and every booking a client was
/// told about exists.
/// </summary>
public sealed class KillDuringWrites : IScenario
{
    public const int DefaultKills = 20;
    private const int Clients = 6;

    public int Number => 1;
    public string Name => "kill-writes";
    public string Title => "kill -9 during writes";

    public async Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        var kills = options.Count ?? DefaultKills;
        var rng = new Random(options.Seed);
        await using var lab = await CrashLab.StartAsync();
        await lab.StartBotAsync(ct);
        report.Say($"bot process up (Release build, SQLite {lab.DatabasePath}); {Clients} clients, {kills} kills (seed {options.Seed})");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var clients = Enumerable.Range(0, Clients)
            .Select(i => new BookingClient(lab.Api.User(6000 + i, "Клиент" + i), "Консультация", new Random(options.Seed * 100 + i)))
            .ToList();
        var load = Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(stop.Token), CancellationToken.None)));
        var downtime = TimeSpan.Zero;
        for (var k = 0; k < kills; k++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(rng.Next(1000, 5000)), ct);
            var killed = TimeProvider.System.GetTimestamp();
            await lab.Bot.KillAsync();
            await lab.StartBotAsync(ct);
            downtime += TimeProvider.System.GetElapsedTime(killed);
        }

        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        await stop.CancelAsync();
        await load;
        // Everything still queued is handled before the last kill, so "told" and "stored" can be compared.
        await lab.Api.User(6999, "Маркер").SendTextAsync("/help");
        await lab.Bot.KillAsync();

        report.Say($"{lab.Bot.Starts - 1} kills, {downtime.TotalSeconds / Math.Max(1, kills):0.0} s average from kill to polling again; "
            + $"{clients.Sum(c => c.Actions)} booking actions, {clients.Sum(c => c.Told.Count)} confirmations told, "
            + $"{clients.Sum(c => c.Broken)} flows cut short (a kill, or a refusal such as too late to cancel)" + (clients.FirstOrDefault(c => c.LastProblem is not null)?.LastProblem is { } p ? $" (e.g. {p})" : ""));
        await CheckAsync(lab, clients, report, ct);
    }

    private static async Task CheckAsync(CrashLab lab, List<BookingClient> clients, Report report, CancellationToken ct)
    {
        await using var core = lab.Core(TimeProvider.System);
        var db = CrashLab.OpenDb(core);
        await Invariants.CheckAsync(db, report, TimeProvider.System.GetUtcNow().UtcDateTime, ct);
        await Invariants.CheckSqliteFileAsync(lab.DatabasePath, report, ct);
        var missing = await MissingToldAsync(db, clients, ct);
        report.Check("every booking a client was told about exists", missing.Count == 0,
            $"told={clients.Sum(c => c.Told.Count)}, missing={missing.Count}" + (missing.Count > 0 ? ": " + string.Join(", ", missing.Take(5)) : ""));
    }

    private static async Task<List<string>> MissingToldAsync(BookingDb db, List<BookingClient> clients, CancellationToken ct)
    {
        var moscow = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");
        var history = await db.Bookings.AsNoTracking().Include(b => b.History).ToListAsync(ct);
        var missing = new List<string>();
        foreach (var client in clients)
        {
            var starts = history.Where(b => b.ClientId == client.User.Id)
                .SelectMany(b => b.History.SelectMany(h => new[] { h.FromStartUtc, h.ToStartUtc }).Append(b.StartUtc))
                .OfType<DateTime>()
                .Select(utc => TimeZoneInfo.ConvertTimeFromUtc(utc, moscow))
                .Select(local => (local.Day, local.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)))
                .ToHashSet();
            missing.AddRange(client.Told.Where(t => !starts.Contains(t)).Select(t => $"client {client.User.Id} day {t.Day} {t.Time}"));
        }

        return missing;
    }
}
