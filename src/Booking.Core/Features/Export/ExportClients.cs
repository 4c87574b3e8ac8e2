using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Export;

/// <summary>A13: every user who talked to the bot, with their booking record; times local to the business.</summary>
public static class ExportClients
{
    public const string FileName = "clients.csv";

    public sealed class Handler(BookingDb db, ScheduleReader reader)
    {
        public async Task<ExportFile> HandleAsync(CancellationToken ct)
        {
            var zone = await reader.ZoneAsync(ct);
            var clients = await db.Clients.AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
            var counts = (await db.Bookings.AsNoTracking()
                    .GroupBy(b => new { b.ClientId, b.Status })
                    .Select(g => new { g.Key.ClientId, g.Key.Status, Count = g.Count() })
                    .ToListAsync(ct))
                .ToLookup(c => c.ClientId);
            var csv = new Csv().Header(
                "id", "first_name", "last_name", "username", "phone", "language", "first_seen", "last_seen",
                "bookings", "completed", "no_shows", "cancelled", "blocked_bot");
            foreach (var c in clients)
            {
                var mine = counts[c.Id].ToList();
                int Of(BookingStatus s) => mine.Where(m => m.Status == s).Sum(m => m.Count);
                csv.Row(
                    c.Id, c.FirstName, c.LastName, c.Username, c.Phone, c.Language,
                    LocalTime.ToLocal(c.FirstSeenUtc, zone), LocalTime.ToLocal(c.LastSeenUtc, zone),
                    mine.Sum(m => m.Count), Of(BookingStatus.Completed), Of(BookingStatus.NoShow), Of(BookingStatus.Cancelled), c.IsBlocked);
            }

            return new ExportFile(FileName, csv.ToBytes(), csv.Rows);
        }
    }
}
