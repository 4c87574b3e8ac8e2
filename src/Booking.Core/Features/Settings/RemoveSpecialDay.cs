using Booking.Core.Data;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Settings;

/// <summary>A5: a date goes back to its weekday's regular hours.</summary>
public static class RemoveSpecialDay
{
    public enum Outcome
    {
        Removed = 0,
        NotFound = 1,
    }

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit)
    {
        public async Task<Outcome> HandleAsync(long actorId, DateOnly date, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var day = await db.SpecialDays.SingleOrDefaultAsync(d => d.Date == date, ct);
            if (day is null)
            {
                return Outcome.NotFound;
            }

            audit.Record(actorId, "special_day.remove", SetSpecialDay.Target(date), SetSpecialDay.Snapshot(day), null);
            db.SpecialDays.Remove(day);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return Outcome.Removed;
        }
    }
}
