using System.Diagnostics;
using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Booking.Core.Tests.Features.Bookings;

/// <summary>
/// Sixteen workers book, move and cancel random overlapping intervals (60-, 90- and 120-minute services on a 30-minute
/// grid) for a fixed time; afterwards no two active bookings overlap and no client is above the limit. The time is
/// STRESS_SECONDS (10 by default, so the suite stays fast; 30 was used for a longer manual run).
/// </summary>
public abstract class OverlapStressTests(Storage storage, ITestOutputHelper output) : IAsyncLifetime
{
    public const string SecondsVariable = "STRESS_SECONDS";
    private const int Workers = 16;
    private const int Clients = 20;

    /// <summary>Each worker's least number of attempts, so a slow machine still races for real.</summary>
    private const int MinimumAttempts = 10;

    /// <summary>Pairs of active bookings whose half-open intervals intersect: the query the invariant is checked with.</summary>
    public const string OverlapsSql = """
        SELECT CAST(count(*) AS integer) AS "Value"
        FROM "Bookings" a
        JOIN "Bookings" b ON a."Id" < b."Id"
        WHERE a."Status" = 0 AND b."Status" = 0
          AND a."StartUtc" < b."EndUtc" AND b."StartUtc" < a."EndUtc"
        """;

    /// <summary>Clients with more active bookings than the limit (3, the default, kept in this test).</summary>
    public const string AboveLimitSql = """
        SELECT CAST(count(*) AS integer) AS "Value"
        FROM (SELECT "ClientId" FROM "Bookings" WHERE "Status" = 0 GROUP BY "ClientId" HAVING count(*) > 3) AS over
        """;

    private CoreWorld _world = null!;
    private int[] _services = [];

    public async Task InitializeAsync()
    {
        _world = await CoreWorld.CreateAsync(storage);
        await _world.AddClientsAsync(Enumerable.Range(1, Clients).Select(i => (long)i).ToArray());
        _services = await _world.InDbAsync(async db =>
        {
            (await db.Settings.SingleAsync()).SlotIntervalMinutes = 30;
            var longer = new[] { new Service("Long", null, 90, 3500m, "RUB", 1), new Service("Longest", null, 120, 4500m, "RUB", 2) };
            db.Services.AddRange(longer);
            await db.SaveChangesAsync();
            return longer.Select(s => s.Id).Prepend(_world.ServiceId).ToArray();
        });
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static TimeSpan Duration =>
        TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable(SecondsVariable), CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 10);

    [StorageFact]
    public async Task Sixteen_workers_booking_moving_and_cancelling_at_random_never_leave_an_overlap_or_a_client_above_the_limit()
    {
        var counts = new int[6]; // attempts, booked, moved, cancelled, refused, failed
        var watch = Stopwatch.StartNew();
        var deadline = Duration;

        await Task.WhenAll(Enumerable.Range(0, Workers).Select(w => Task.Run(async () =>
        {
            var random = new Random(20261126 + w);
            for (var attempt = 0; attempt < MinimumAttempts || watch.Elapsed < deadline; attempt++)
            {
                Interlocked.Increment(ref counts[0]);
                var outcome = await ActAsync(random);
                Interlocked.Increment(ref counts[outcome]);
            }
        })));

        var overlaps = await ScalarAsync(OverlapsSql);
        var aboveLimit = await ScalarAsync(AboveLimitSql);
        var active = await _world.InDbAsync(db => db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed));
        output.WriteLine(
            $"{storage}, {Workers} workers, {watch.Elapsed.TotalSeconds:0.0} s: {counts[0]} attempts — {counts[1]} booked, {counts[2]} moved, "
            + $"{counts[3]} cancelled, {counts[4]} refused, {counts[5]} failed; {active} active at the end; {overlaps} overlapping pairs; {aboveLimit} clients above the limit");

        Assert.Equal(0, counts[5]);
        // How many moves and cancellations succeed depends on the race; bookings made and refused show it was one.
        Assert.True(counts[1] > 0, "bookings were made");
        Assert.True(counts[4] > 0, "some attempts were refused, so the workers really competed");
        Assert.Equal(0, overlaps);
        Assert.Equal(0, aboveLimit);
    }

    /// <returns>The index of the counter the attempt falls under.</returns>
    private async Task<int> ActAsync(Random random)
    {
        var client = random.Next(1, Clients + 1);
        var start = CoreWorld.Moscow(12, 7 + random.Next(3), 9).AddMinutes(30 * random.Next(16));
        try
        {
            var action = random.Next(4);
            if (action < 2)
            {
                var service = _services[random.Next(_services.Length)];
                var booked = await _world.RunAsync<BookSlot.Handler, BookSlot.Result>(h => h.HandleAsync(new BookSlot.Request(client, service, start), default));
                return booked.Outcome == BookSlot.Outcome.Booked ? 1 : 4;
            }

            var mine = await _world.InDbAsync(db => db.Bookings.Where(b => b.ClientId == client && b.Status == BookingStatus.Confirmed).Select(b => b.Id).ToListAsync());
            if (mine.Count == 0)
            {
                return 4;
            }

            var id = mine[random.Next(mine.Count)];
            if (action == 2)
            {
                var moved = await _world.RunAsync<RescheduleBooking.Handler, RescheduleBooking.Result>(h => h.HandleAsync(new RescheduleBooking.Request(client, id, start), default));
                return moved.Outcome == RescheduleBooking.Outcome.Moved ? 2 : 4;
            }

            var cancelled = await _world.RunAsync<CancelBooking.Handler, CancelBooking.Result>(h => h.HandleAsync(new CancelBooking.Request(client, id), default));
            return cancelled.Outcome == CancelBooking.Outcome.Cancelled ? 3 : 4;
        }
        catch (Exception e)
        {
            output.WriteLine(e.ToString());
            return 5;
        }
    }

    private Task<int> ScalarAsync(string sql) =>
        _world.InDbAsync(db => db.Database.SqlQueryRaw<int>(sql).SingleAsync());
}

public sealed class OverlapStressOnSqlite(ITestOutputHelper output) : OverlapStressTests(Storage.Sqlite, output);

public sealed class OverlapStressOnPostgres(ITestOutputHelper output) : OverlapStressTests(Storage.Postgres, output), IRunsOnPostgres;
