using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Data.Postgres;
using Booking.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Booking.Core.Tests;

/// <summary>
/// The core features over a real database — a SQLite file, or a fresh PostgreSQL database of its own — migrated and
/// seeded as in production, with a fake clock. Open every day 09:00–18:00, hourly slots, one 60-minute service.
/// </summary>
public sealed class CoreWorld : IAsyncDisposable
{
    /// <summary>Tuesday 1 December 2026, 09:00 in Moscow.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly string _directory;
    private readonly ServiceProvider _services;
    private readonly TestPostgres.Database? _postgres;

    private CoreWorld(string directory, ServiceProvider services, FakeTimeProvider clock, TestPostgres.Database? postgres)
    {
        _directory = directory;
        _services = services;
        _postgres = postgres;
        Clock = clock;
    }

    public Storage Storage => _postgres is null ? Storage.Sqlite : Storage.Postgres;

    public FakeTimeProvider Clock { get; }

    /// <summary>A folder of this world's own, removed with it.</summary>
    public string Folder => _directory;

    public string DatabasePath => Path.Combine(_directory, "core.db");

    public int ServiceId { get; private set; }

    /// <param name="owners">ADMIN_IDS for this world; none by default.</param>
    public static Task<CoreWorld> CreateAsync(string timeZone = "Europe/Moscow", params long[] owners) =>
        CreateAsync(Storage.Sqlite, timeZone, owners);

    /// <param name="storage">SQLite, or PostgreSQL at TEST_POSTGRES in a database created for this world and dropped with it.</param>
    public static async Task<CoreWorld> CreateAsync(Storage storage, string timeZone = "Europe/Moscow", params long[] owners)
    {
        var directory = Path.Combine(Path.GetTempPath(), "bookingbot-core-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var clock = new FakeTimeProvider(Now);
        var postgres = storage == Storage.Postgres ? await TestPostgres.NewDatabaseAsync() : null;
        var collection = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        _ = postgres is null
            ? collection.AddSqliteBookingDb(Path.Combine(directory, "core.db"))
            : collection.AddPostgresBookingDb(postgres.ConnectionString);
        var services = collection
            .AddBookingCore(new BookingCoreOptions { DefaultTimeZoneId = timeZone, OwnerIds = owners.ToHashSet() })
            .BuildServiceProvider();
        var world = new CoreWorld(directory, services, clock, postgres);
        await world.InDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            await DatabaseSeeder.SeedAsync(db, CancellationToken.None);
            foreach (var day in await db.WorkingDays.ToListAsync())
            {
                day.SetHours(new TimeOnly(9, 0), new TimeOnly(18, 0));
            }

            var service = new Service("Massage", null, 60, 2500m, "RUB", 0);
            db.Services.Add(service);
            await db.SaveChangesAsync();
            world.ServiceId = service.Id;
        });
        return world;
    }

    /// <summary>Runs a feature handler in its own scope, as one update would.</summary>
    public async Task<TResult> RunAsync<THandler, TResult>(Func<THandler, Task<TResult>> call) where THandler : notnull
    {
        await using var scope = _services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    /// <summary>A scope of its own, for tests that hold a transaction open across steps.</summary>
    public AsyncServiceScope NewScope() => _services.CreateAsyncScope();

    public async Task<T> InDbAsync<T>(Func<BookingDb, Task<T>> work)
    {
        await using var scope = _services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<BookingDb>());
    }

    public Task InDbAsync(Func<BookingDb, Task> work) => InDbAsync(async db =>
    {
        await work(db);
        return true;
    });

    public Task AddClientsAsync(params long[] ids) => InDbAsync(async db =>
    {
        foreach (var id in ids)
        {
            db.Clients.Add(new Client(id, "Client " + id, null, null, "ru", Now.UtcDateTime));
        }

        await db.SaveChangesAsync();
    });

    /// <summary>Books the world's service for a client through the real feature, expecting it to succeed; returns the booking id.</summary>
    public async Task<int> BookAsync(long clientId, DateTime startUtc)
    {
        var result = await RunAsync<BookSlot.Handler, BookSlot.Result>(
            h => h.HandleAsync(new BookSlot.Request(clientId, ServiceId, startUtc), default));
        Assert.Equal(BookSlot.Outcome.Booked, result.Outcome);
        return result.Booking!.Id;
    }

    /// <summary>A UTC instant from a Moscow wall time (UTC+3).</summary>
    public static DateTime Moscow(int month, int day, int hour, int minute = 0) =>
        new DateTime(2026, month, day, hour, minute, 0, DateTimeKind.Utc).AddHours(-3);

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            await _postgres.DropAsync();
        }

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
