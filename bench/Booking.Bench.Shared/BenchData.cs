using System.Data.Common;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Bench.Shared;

/// <summary>What the benchmarked business looks like: hours, services and the bookings it has accumulated.</summary>
public sealed record HistoryPlan(int Bookings, double FutureFill, int FutureDays = 120)
{
    /// <summary>Clients the past bookings belong to (ids 1..n, far below the virtual users' ids).</summary>
    public int Clients => Math.Clamp(Bookings / 20, 1, 5_000);
}

public sealed record HistoryStats(int Past, int Future, int Clients);

/// <summary>
/// Seeds a busy business: open every day 08:00–22:00 on a 15-minute grid, services of 15–90 minutes, years of
/// past 15-minute visits packed back to back (one in ten cancelled), and the coming months partly booked with
/// hour-long visits. Past bookings stay Confirmed, as the bot leaves them until an admin marks them. Clients may
/// hold up to 1,000 bookings and book 12 months ahead, so a load run keeps booking instead of hitting the limit.
/// </summary>
public static class BenchData
{
    public static readonly TimeOnly Opens = new(8, 0);
    public static readonly TimeOnly Closes = new(22, 0);
    public const int SlotsPerDay = 56;

    /// <summary>Hours, rules and services on a database the host (or <see cref="DatabaseSeeder"/>) has seeded.</summary>
    public static async Task SetUpBusinessAsync(BookingDb db, CancellationToken ct)
    {
        var settings = await db.Settings.SingleAsync(ct);
        settings.SlotIntervalMinutes = 15;

        // A virtual user books again and again; with the real limit of 3 every flow after the third would stop at
        // the limit screen, and a year ahead leaves room for thousands of bookings in one run.
        settings.MaxActiveBookings = 1_000;
        settings.HorizonMonths = 12;
        foreach (var day in await db.WorkingDays.ToListAsync(ct))
        {
            day.SetHours(Opens, Closes);
        }

        if (!await db.Services.AnyAsync(s => s.DurationMinutes == 15, ct))
        {
            db.Services.Add(new Service("Экспресс-уход", "Короткая процедура.", 15, 900m, "RUB", 2));
            db.Services.Add(new Service("Стрижка", "Стрижка и укладка.", 30, 1500m, "RUB", 3));
            db.Services.Add(new Service("Массаж спины", "Классический массаж.", 90, 3500m, "RUB", 4));
        }

        await db.SaveChangesAsync(ct);
    }

    public static async Task<HistoryStats> SeedHistoryAsync(BookingDb db, HistoryPlan plan, DateTime nowUtc, TimeZoneInfo zone, CancellationToken ct)
    {
        var shortService = await db.Services.Where(s => s.DurationMinutes == 15).Select(s => s.Id).FirstAsync(ct);
        var hourService = await db.Services.Where(s => s.DurationMinutes == 60).Select(s => s.Id).FirstAsync(ct);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await InsertClientsAsync(connection, transaction, plan.Clients, nowUtc, ct);
            using var insert = BookingInsert(connection, transaction);
            var random = new Random(42);
            var today = LocalTime.Today(nowUtc, zone);
            var future = 0;
            for (var d = 1; d <= plan.FutureDays && future < plan.Bookings; d++)
            {
                for (var hour = Opens.Hour; hour < Closes.Hour && future < plan.Bookings; hour++)
                {
                    if (random.NextDouble() < plan.FutureFill)
                    {
                        var start = LocalTime.ToUtc(today.AddDays(d), new TimeOnly(hour, 0), zone);
                        await AddAsync(insert, 1 + random.Next(plan.Clients), hourService, start, 60, BookingStatus.Confirmed, nowUtc, ct);
                        future++;
                    }
                }
            }

            var past = plan.Bookings - future;
            for (var i = 0; i < past; i++)
            {
                var date = today.AddDays(-1 - (i / SlotsPerDay));
                var start = LocalTime.ToUtc(date, Opens.AddMinutes(15 * (i % SlotsPerDay)), zone);
                var status = random.Next(10) == 0 ? BookingStatus.Cancelled : BookingStatus.Confirmed;
                await AddAsync(insert, 1 + random.Next(plan.Clients), shortService, start, 15, status, start, ct);
            }

            await transaction.CommitAsync(ct);
            return new HistoryStats(past, future, plan.Clients);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Clients with ids firstId, firstId + 1, …, in one transaction (a broadcast's audience).</summary>
    public static async Task SeedClientsAsync(BookingDb db, long firstId, int count, DateTime nowUtc, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = await connection.BeginTransactionAsync(ct);
            await InsertClientsAsync(connection, transaction, count, nowUtc, ct, firstId);
            await transaction.CommitAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task InsertClientsAsync(DbConnection connection, DbTransaction transaction, int count, DateTime nowUtc, CancellationToken ct, long firstId = 1)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "Clients" ("Id", "FirstName", "LastName", "Username", "Language", "LanguageChosen", "Phone", "FirstSeenUtc", "LastSeenUtc", "IsBlocked")
            VALUES (@id, 'Клиент', NULL, NULL, 'ru', FALSE, NULL, @now, @now, FALSE)
            ON CONFLICT DO NOTHING
            """;
        var id = Parameter(command, "@id");
        Parameter(command, "@now").Value = nowUtc;
        for (var i = 0; i < count; i++)
        {
            id.Value = firstId + i;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static DbCommand BookingInsert(DbConnection connection, DbTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO "Bookings" ("ClientId", "ServiceId", "StartUtc", "DurationMinutes", "EndUtc", "Price", "Currency", "Status", "CreatedUtc", "UpdatedUtc", "CancelReason")
            VALUES (@client, @service, @start, @duration, @end, 1000.0, 'RUB', @status, @created, @created, NULL)
            """;
        foreach (var name in new[] { "@client", "@service", "@start", "@duration", "@end", "@status", "@created" })
        {
            Parameter(command, name);
        }

        return command;
    }

    private static async Task AddAsync(
        DbCommand insert, long clientId, int serviceId, DateTime startUtc, int minutes, BookingStatus status, DateTime createdUtc, CancellationToken ct)
    {
        var p = insert.Parameters;
        (p[0].Value, p[1].Value, p[2].Value, p[3].Value) = (clientId, serviceId, startUtc, minutes);
        (p[4].Value, p[5].Value, p[6].Value) = (startUtc.AddMinutes(minutes), (int)status, createdUtc);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
