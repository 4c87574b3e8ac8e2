using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Waitlist;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Clients;

/// <summary>C11 (/mydata): everything the bot stores about the person asking, as they would want to read it.</summary>
public static class ShowMyData
{
    /// <param name="Upcoming">Confirmed bookings still ahead.</param>
    /// <param name="Past">Every other booking kept: visits, no-shows and cancellations.</param>
    /// <param name="Reviews">Ratings given (comments included).</param>
    /// <param name="Waits">Days the person is still on the waitlist for (X4).</param>
    public sealed record Result(
        string FirstName, string? LastName, string? Username, string Language, bool LanguageChosen, string? Phone,
        DateTime FirstSeenUtc, DateTime LastSeenUtc, int Upcoming, int Past, int Reviews, int Waits, bool IsAdmin);

    public sealed class Handler(BookingDb db, AccessControl access, ListWaits.Handler waitlist, TimeProvider clock)
    {
        public async Task<Result?> HandleAsync(long clientId, CancellationToken ct)
        {
            // Through the change tracker on purpose: this update has just registered or refreshed the person, unsaved yet.
            var client = await db.Clients.FindAsync([clientId], ct);
            if (client is null || client.IsErased)
            {
                return null;
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var bookings = await db.Bookings.AsNoTracking().Where(b => b.ClientId == clientId)
                .Select(b => new { b.Status, b.StartUtc }).ToListAsync(ct);
            var upcoming = bookings.Count(b => b.Status == BookingStatus.Confirmed && b.StartUtc > nowUtc);
            var reviews = await db.Reviews.CountAsync(r => r.ClientId == clientId, ct);
            var waits = await waitlist.CountAsync(clientId, ct);
            var isAdmin = await access.RoleOfAsync(clientId, ct) is not null;
            return new Result(
                client.FirstName, client.LastName, client.Username, client.Language, client.LanguageChosen, client.Phone,
                client.FirstSeenUtc, client.LastSeenUtc, upcoming, bookings.Count - upcoming, reviews, waits, isAdmin);
        }
    }
}
