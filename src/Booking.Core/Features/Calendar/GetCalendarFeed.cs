using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Calendar;

/// <summary>
/// X2: an admin's private feed — every booking from 30 days back onwards that was not cancelled, with the client, as
/// iCalendar text. Null for a token that is malformed, unknown, revoked, or whose admin is no longer allowed a feed.
/// </summary>
public static class GetCalendarFeed
{
    public const int PastDays = 30;
    public const string Name = "BookingBot";

    public sealed class Handler(BookingDb db, AccessControl access, ScheduleReader schedule, TimeProvider clock)
    {
        public async Task<string?> HandleAsync(string token, CancellationToken ct)
        {
            if (!CalendarFeed.IsWellFormed(token))
            {
                return null;
            }

            // The lookup is by the token's hash: the database never compares, or even sees, the token itself.
            var hash = CalendarFeed.Hash(token);
            var feed = await db.CalendarFeeds.AsNoTracking().SingleOrDefaultAsync(f => f.TokenHash == hash, ct);
            if (feed is null || !await access.CanAsync(feed.AdminId, Permission.CalendarFeed, ct))
            {
                return null;
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var fromUtc = nowUtc.AddDays(-PastDays);
            var rows = await db.Bookings.AsNoTracking()
                .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow) && b.StartUtc >= fromUtc)
                .OrderBy(b => b.StartUtc)
                .Select(b => new
                {
                    b.Id, b.CreatedUtc, b.StartUtc, b.EndUtc, Service = b.Service!.Name,
                    b.Client!.FirstName, b.Client.LastName, b.Client.Username, b.Client.Phone,
                    Revisions = b.History.Count(h => h.Change == BookingChange.Rescheduled || h.Change == BookingChange.ServiceChanged),
                })
                .ToListAsync(ct);
            var settings = await schedule.SettingsAsync(ct);
            var entries = rows.Select(r => new CalendarEntry(
                CalendarIdentity.Uid(r.Id, r.CreatedUtc), r.Revisions, r.StartUtc, r.EndUtc, $"{r.Service} · {Join(" ", r.FirstName, r.LastName)}")
            {
                Location = settings.Address,
                Description = Join("\n", Join(" ", r.FirstName, r.LastName), r.Username is { Length: > 0 } u ? "@" + u : null, r.Phone, $"#{r.Id}"),
            }).ToList();
            return IcsCalendar.Write(entries, await schedule.ZoneAsync(ct), nowUtc, Name);
        }

        private static string Join(string separator, params string?[] parts) =>
            string.Join(separator, parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
