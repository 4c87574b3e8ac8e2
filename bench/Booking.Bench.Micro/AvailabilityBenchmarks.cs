using BenchmarkDotNet.Attributes;
using Booking.Bench.Shared;
using Booking.Core;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Bench.Micro;

/// <summary>
/// The hot functions of the booking wizard, on a database holding 50,000 bookings (years of past visits and the
/// coming months half booked; a SQLite file unless BENCH_DB names another): the month calendar with load colours,
/// one day's slot grid through the database, and the pure slot grid on its own. Each database call gets a fresh
/// DbContext, as each update does.
/// </summary>
public class AvailabilityBenchmarks
{
    private const string Zone = "Europe/Moscow";
    private static readonly BookingCoreOptions CoreOptions = new() { DefaultTimeZoneId = Zone };

    // BENCH_DB takes the load harness's --db values (sqlite by default, or postgres, postgres:CONNECTION, a URL).
    private readonly IBenchDatabase _database = BenchDatabases.Parse(Environment.GetEnvironmentVariable("BENCH_DB"));
    private DbContextOptions<BookingDb> _options = null!;
    private int _serviceId;
    private DateOnly _month;
    private DateOnly _day;
    private OpeningHours? _hours;
    private TimeZoneInfo _zone = null!;
    private SlotRules _rules = null!;
    private DateTime _nowUtc;
    private List<Interval> _busy = null!;

    [GlobalSetup]
    public async Task SetUpAsync()
    {
        await _database.ResetAsync(CancellationToken.None);
        _options = _database.ContextOptions();
        await using var db = new BookingDb(_options);
        await db.Database.MigrateAsync();
        await DatabaseSeeder.SeedAsync(db, CancellationToken.None);
        await BenchData.SetUpBusinessAsync(db, CancellationToken.None);
        _zone = BusinessZone.Resolve(Zone);
        _nowUtc = TimeProvider.System.GetUtcNow().UtcDateTime;
        await BenchData.SeedHistoryAsync(db, new HistoryPlan(50_000, FutureFill: 0.5), _nowUtc, _zone, CancellationToken.None);

        _serviceId = await db.Services.Where(s => s.DurationMinutes == 60).Select(s => s.Id).FirstAsync();
        var today = LocalTime.Today(_nowUtc, _zone);
        _month = new DateOnly(today.Year, today.Month, 1).AddMonths(1);
        _day = _month.AddDays(9);
        var schedule = await Reader(db).ReadAsync(_day, _day, null, CancellationToken.None);
        var service = await db.Services.SingleAsync(s => s.Id == _serviceId);
        _rules = schedule.RulesFor(service);
        var days = await db.WorkingDays.AsNoTracking().ToListAsync();
        _hours = new WeekSchedule(days, []).HoursOn(_day);
        var bounds = LocalTime.DayBounds(_day, _zone);
        _busy = await db.Bookings.AsNoTracking()
            .Where(b => b.Status == BookingStatus.Confirmed && b.StartUtc < bounds.EndUtc && b.EndUtc > bounds.StartUtc)
            .OrderBy(b => b.StartUtc).Select(b => new Interval(b.StartUtc, b.EndUtc)).ToListAsync();
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _database.DisposeAsync();

    [Benchmark(Description = "MonthAsync: month calendar with load colours")]
    public async Task<int> MonthCalendar()
    {
        await using var db = new BookingDb(_options);
        var month = await Handler(db).MonthAsync(new GetAvailability.Subject(_serviceId), _month.Year, _month.Month, CancellationToken.None);
        return month!.Days.Count;
    }

    [Benchmark(Description = "DayAsync: slot grid of one day")]
    public async Task<int> DaySlots()
    {
        await using var db = new BookingDb(_options);
        var day = await Handler(db).DayAsync(new GetAvailability.Subject(_serviceId), _day, CancellationToken.None);
        return day!.Slots.Count;
    }

    [Benchmark(Description = "SlotGrid.ForDay: pure slot grid")]
    public int PureSlotGrid() => SlotGrid.ForDay(_day, _hours, _zone, _rules, _nowUtc, _busy).Count;

    private static ScheduleReader Reader(BookingDb db) => new(db, TimeProvider.System, CoreOptions);

    private static GetAvailability.Handler Handler(BookingDb db) => new(db, Reader(db));
}
