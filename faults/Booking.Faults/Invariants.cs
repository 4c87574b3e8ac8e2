using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Booking.Faults;

/// <summary>What must hold in the data whatever happened: checked straight on the database after a scenario.</summary>
public static class Invariants
{
    public static async Task CheckAsync(BookingDb db, Report report, DateTime nowUtc, CancellationToken ct)
    {
        var bookings = await db.Bookings.AsNoTracking().ToListAsync(ct);
        var notifications = await db.Notifications.AsNoTracking().ToListAsync(ct);
        var limit = (await db.Settings.AsNoTracking().SingleAsync(ct)).MaxActiveBookings;
        var active = bookings.Where(b => b.Status == BookingStatus.Confirmed).OrderBy(b => b.StartUtc).ToList();

        var overlaps = active.Zip(active.Skip(1)).Count(p => p.Second.StartUtc < p.First.EndUtc);
        report.Check("no overlapping active bookings", overlaps == 0, $"{active.Count} active of {bookings.Count} bookings, overlapping pairs={overlaps}");

        var over = active.Where(b => b.StartUtc > nowUtc).GroupBy(b => b.ClientId).Count(g => g.Count() > limit);
        report.Check("no client above the limit", over == 0, $"limit {limit}, clients above it={over}");

        var withNotes = notifications.Select(n => n.BookingId).ToHashSet();
        var ids = bookings.Select(b => b.Id).ToHashSet();
        var bare = bookings.Count(b => !withNotes.Contains(b.Id));
        var orphans = notifications.Count(n => !ids.Contains(n.BookingId));
        var openOnDead = notifications.Count(n => n.IsOpen && n.Kind == NotificationKind.Reminder
            && bookings.Single(b => b.Id == n.BookingId).Status != BookingStatus.Confirmed);
        report.Check("every booking has its notifications, none without a booking", bare == 0 && orphans == 0 && openOnDead == 0,
            $"bookings without notifications={bare}, notifications without booking={orphans}, open reminders of cancelled bookings={openOnDead}");
    }

    public static async Task CheckSqliteFileAsync(string path, Report report, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var result = (string?)await command.ExecuteScalarAsync(ct);
        report.Check("PRAGMA integrity_check", result == "ok", result ?? "null");
    }
}
