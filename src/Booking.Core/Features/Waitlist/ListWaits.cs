using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Waitlist;

/// <summary>X4: the days a client is waiting for, nearest first; a day that has ended is no longer listed.</summary>
public static class ListWaits
{
    public sealed record Wait(int Id, int ServiceId, string Service, DateOnly Date);

    public sealed class Handler(BookingDb db, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Wait>> HandleAsync(long clientId, CancellationToken ct) =>
            await Project(Waiting(clientId).OrderBy(e => e.Date).ThenBy(e => e.Id)).ToListAsync(ct);

        public Task<int> CountAsync(long clientId, CancellationToken ct) => Waiting(clientId).CountAsync(ct);

        /// <summary>One of the client's waits, still open; null when it is someone else's, ended or unknown.</summary>
        public Task<Wait?> FindAsync(long clientId, int waitId, CancellationToken ct) =>
            Project(Waiting(clientId).Where(e => e.Id == waitId)).SingleOrDefaultAsync(ct);

        private IQueryable<WaitlistEntry> Waiting(long clientId)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            return db.WaitlistEntries.AsNoTracking()
                .Where(e => e.ClientId == clientId && e.Status == WaitStatus.Waiting && e.DayEndUtc > nowUtc);
        }

        private static IQueryable<Wait> Project(IQueryable<WaitlistEntry> waits) =>
            waits.Select(e => new Wait(e.Id, e.ServiceId, e.Service!.Name, e.Date));
    }
}
