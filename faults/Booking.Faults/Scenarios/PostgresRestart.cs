using Booking.Core.Domain;
using Booking.TestKit.Hosting;
using Booking.TestKit.Telegram;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Booking.Faults.Scenarios;

/// <summary>
/// 3: the bot on PostgreSQL (a cluster of its own on port 5544) while clients book, cancel and reschedule; the server
/// is restarted with <c>-m fast</c> --count times (3 by default). Requests fail or retry cleanly, nothing is booked twice,
/// and the bot books again afterwards without being restarted.
/// </summary>
public sealed class PostgresRestart : IScenario
{
    public const int DefaultRestarts = 3;
    private const int Clients = 6;

    public int Number => 3;
    public string Name => "postgres-restart";
    public string Title => "PostgreSQL restarted under load";

    public async Task RunAsync(FaultOptions options, Report report, CancellationToken ct)
    {
        if (!PostgresCluster.Available(out var why))
        {
            report.Skip(why);
            return;
        }

        var restarts = options.Count ?? DefaultRestarts;
        await using var cluster = new PostgresCluster("15", "faults", 5544);
        await cluster.CreateAsync(ct);
        var folder = Path.Combine(Path.GetTempPath(), "bookingbot-faults", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var clock = new FakeTimeProvider(BotScenario.DefaultNow);
        await using var api = await FakeBotApi.StartAsync(clock: clock, ct: ct);
        api.ProcessTimeout = TimeSpan.FromSeconds(60);
        await using var host = await BotHost.StartAsync(api, clock, Path.Combine(folder, "unused.db"), [BotScenario.AdminId], "Europe/Moscow",
            InProcess.Quiet(new Dictionary<string, string?> { ["DATABASE_URL"] = cluster.ConnectionString, ["RATE_LIMIT_ACTIONS"] = "1000" }));
        await BotScenario.SeedAsync(host);
        report.Say($"bot in-process on PostgreSQL {cluster.Describe}; {Clients} clients; {restarts} fast restarts (seed {options.Seed})");

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var clients = Enumerable.Range(0, Clients)
            .Select(i => new BookingClient(api.User(8000 + i, "Клиент" + i), "Массаж", new Random(options.Seed * 100 + i))).ToList();
        var load = Task.WhenAll(clients.Select(c => Task.Run(() => c.RunAsync(stop.Token), CancellationToken.None)));
        var rng = new Random(options.Seed);
        for (var r = 0; r < restarts; r++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(rng.Next(2000, 5000)), ct);
            var actions = clients.Sum(c => c.Actions);
            await cluster.RestartFastAsync(ct);
            report.Say($"restart {r + 1} done ({actions} booking actions before it)");
        }

        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        await stop.CancelAsync();
        await load;
        var apologies = clients.Sum(c => InProcess.Count(c.User, "Что-то пошло не так"));
        report.Say($"{clients.Sum(c => c.Actions)} booking actions, {clients.Sum(c => c.Told.Count)} confirmations told, "
            + $"{apologies} polite failure messages, {clients.Sum(c => c.Broken)} flows cut short"
            + (clients.FirstOrDefault(c => c.LastProblem is not null)?.LastProblem is { } p ? $" (e.g. {p})" : ""));

        var probe = new BookingClient(api.User(8999, "Проба"), "Массаж", new Random(options.Seed));
        var recovered = false;
        for (var attempt = 0; attempt < 5 && !recovered; attempt++)
        {
            await probe.RunOnceBookingAsync();
            recovered = probe.Told.Count > 0;
        }

        report.Check("books again after the restarts, by itself", recovered, $"probe told={probe.Told.Count}, broken={probe.Broken}");
        await host.DbAsync(async db =>
        {
            await Invariants.CheckAsync(db, report, clock.GetUtcNow().UtcDateTime, ct);
            var duplicates = await db.Bookings.Where(b => b.Status == BookingStatus.Confirmed)
                .GroupBy(b => new { b.ClientId, b.StartUtc }).CountAsync(g => g.Count() > 1, ct);
            report.Check("no duplicate booking", duplicates == 0, $"client+start pairs booked twice={duplicates}");
        });
        await host.StopAsync();
        ClockJumps.TryDelete(folder);
    }
}
