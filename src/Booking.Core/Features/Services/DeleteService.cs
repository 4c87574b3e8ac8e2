using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Services;

/// <summary>
/// A4: deletes a service. One that was ever booked is only marked deleted — hidden everywhere, but its bookings
/// keep their history and statistics; one that never was is removed for good. Bookings already made stand.
/// </summary>
public static class DeleteService
{
    public enum Outcome
    {
        Removed = 0,
        SoftDeleted = 1,
        NotFound = 2,
    }

    /// <summary>What the admin is told before confirming.</summary>
    public sealed record Impact(Service Service, int Bookings, int Upcoming);

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit, TimeProvider clock)
    {
        public async Task<Impact?> CheckAsync(int serviceId, CancellationToken ct)
        {
            var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == serviceId && !s.IsDeleted, ct);
            if (service is null)
            {
                return null;
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var bookings = await db.Bookings.CountAsync(b => b.ServiceId == serviceId, ct);
            var upcoming = await db.Bookings.CountAsync(b => b.ServiceId == serviceId && b.Status == BookingStatus.Confirmed && b.StartUtc > nowUtc, ct);
            return new Impact(service, bookings, upcoming);
        }

        public async Task<Outcome> HandleAsync(long actorId, int serviceId, CancellationToken ct)
        {
            // In the write transaction, so a booking made at this very moment cannot lose its service row.
            await using var write = await gate.BeginAsync(ct);
            var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId && !s.IsDeleted, ct);
            if (service is null)
            {
                return Outcome.NotFound;
            }

            var before = ServiceSnapshot.Of(service);
            var outcome = await db.Bookings.AnyAsync(b => b.ServiceId == serviceId, ct) ? Outcome.SoftDeleted : Outcome.Removed;
            if (outcome == Outcome.SoftDeleted)
            {
                service.SoftDelete();
            }
            else
            {
                db.Services.Remove(service);
            }

            audit.Record(actorId, outcome == Outcome.SoftDeleted ? "service.soft_delete" : "service.delete", ServiceSnapshot.Target(serviceId),
                before, outcome == Outcome.SoftDeleted ? ServiceSnapshot.Of(service) : null);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return outcome;
        }
    }
}
