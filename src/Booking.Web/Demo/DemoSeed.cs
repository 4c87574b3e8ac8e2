using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Web.Demo;

/// <summary>
/// A massage studio in the demo database only: four services, studio hours, an address and a few clients' bookings
/// over the coming days, so both the client's calendar and the owner's schedule have something to show.
/// </summary>
public static class DemoSeed
{
    private static readonly (string Name, string Description, int Minutes, decimal Price)[] Services =
    [
        ("Классический массаж", "Расслабляющий массаж всего тела.", 60, 3000m),
        ("Массаж спины и шеи", "Снимает напряжение после рабочего дня.", 30, 1800m),
        ("Спортивный массаж", "Глубокая проработка мышц до и после тренировок.", 90, 4500m),
        ("Стоун-терапия", "Массаж тёплыми камнями.", 75, 4000m),
    ];

    private static readonly (long Id, string Name)[] Regulars =
    [
        (7_000_000_301, "Мария"), (7_000_000_302, "Ольга"), (7_000_000_303, "Дмитрий"), (7_000_000_304, "Елена"), (7_000_000_305, "Сергей"),
    ];

    /// <summary>Seeds once: a database that already has the demo's regular clients is left as it is.</summary>
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
            if (await db.Clients.AnyAsync(c => c.Id == Regulars[0].Id, ct))
            {
                return;
            }

            await SeedStudioAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>(), ct);
        }

        await SeedBookingsAsync(services, ct);
    }

    private static async Task SeedStudioAsync(BookingDb db, TimeProvider clock, CancellationToken ct)
    {
        foreach (var day in await db.WorkingDays.ToListAsync(ct))
        {
            if (day.Weekday == DayOfWeek.Sunday)
            {
                day.Close();
            }
            else
            {
                day.SetHours(new TimeOnly(10, 0), day.Weekday == DayOfWeek.Saturday ? new TimeOnly(16, 0) : new TimeOnly(20, 0));
            }
        }

        foreach (var existing in await db.Services.ToListAsync(ct))
        {
            existing.Deactivate();
        }

        for (var i = 0; i < Services.Length; i++)
        {
            var (name, description, minutes, price) = Services[i];
            var service = new Service(name, description, minutes, price, "RUB", i + 1);
            if (i == Services.Length - 1)
            {
                service.RequireDeposit(1000m); // X3: the demo's one service booked with a deposit
            }

            db.Services.Add(service);
        }

        (await db.Settings.SingleAsync(ct)).Address = "Москва, ул. Пречистенка, 12 — студия «Тёплые руки»";
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        foreach (var (id, name) in Regulars)
        {
            db.Clients.Add(new Client(id, name, null, null, "ru", nowUtc));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Books through the real feature, so every demo booking is one a client could have made.</summary>
    private static async Task SeedBookingsAsync(IServiceProvider services, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BookingDb>();
        var zone = await scope.ServiceProvider.GetRequiredService<ScheduleReader>().ZoneAsync(ct);
        var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var serviceIds = await db.Services.Where(s => s.IsActive).OrderBy(s => s.DisplayOrder).Select(s => s.Id).ToListAsync(ct);
        var openDays = await db.WorkingDays.Where(d => d.IsOpen).Select(d => d.Weekday).ToListAsync(ct);
        var book = scope.ServiceProvider.GetRequiredService<BookSlot.Handler>();

        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);
        var booked = 0;
        for (var day = today.AddDays(1); booked < Regulars.Length && day <= today.AddDays(7); day = day.AddDays(1))
        {
            if (!openDays.Contains(day.DayOfWeek))
            {
                continue;
            }

            foreach (var hour in new[] { 11, 15 })
            {
                var startUtc = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(new TimeOnly(hour, 0)), zone);
                var request = new BookSlot.Request(Regulars[booked % Regulars.Length].Id, serviceIds[booked % serviceIds.Count], startUtc);
                if ((await book.HandleAsync(request, ct)).Outcome == BookSlot.Outcome.Booked && ++booked == Regulars.Length)
                {
                    break;
                }
            }
        }
    }
}
