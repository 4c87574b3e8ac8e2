using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Data;

/// <summary>Gives a new database what the bot needs to be usable at once: rules, hours and one service.</summary>
public static class DatabaseSeeder
{
    public static async Task SeedAsync(BookingDb db, CancellationToken ct)
    {
        // Several instances may start at once on a new PostgreSQL database: only one of them may seed it.
        await using var write = await new WriteGate(db).BeginAsync(ct);
        if (await db.Settings.AnyAsync(ct))
        {
            return;
        }

        db.Settings.Add(new BusinessSettings());
        var nineToSix = (Opens: new TimeOnly(9, 0), Closes: new TimeOnly(18, 0));
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            var workingDay = day == DayOfWeek.Saturday
                ? new WorkingDay(day, new TimeOnly(10, 0), new TimeOnly(16, 0))
                : new WorkingDay(day, nineToSix.Opens, nineToSix.Closes);
            if (day == DayOfWeek.Sunday)
            {
                workingDay.Close();
            }

            db.WorkingDays.Add(workingDay);
        }

        if (!await db.Services.AnyAsync(ct))
        {
            db.Services.Add(new Service("Консультация", "Первая встреча: знакомство и план работы.", 60, 2000m, "RUB", 1));
        }

        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
    }
}
