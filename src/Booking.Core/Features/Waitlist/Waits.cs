using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Waitlist;

internal static class Waits
{
    /// <summary>Waits with the offers still on their way, which <see cref="WaitlistEntry.Wake"/> and <see cref="WaitlistEntry.Close"/> need.</summary>
    public static IQueryable<WaitlistEntry> WithOpenOffers(this IQueryable<WaitlistEntry> waits) =>
        waits.Include(e => e.Offers.Where(o => o.Status == NotificationStatus.Pending || o.Status == NotificationStatus.Sending));
}
