using Booking.Core.Data;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Services;

/// <summary>
/// A4: moves a service one place up or down in the list clients see. The whole list is renumbered 1…n, so
/// equal or sparse display orders left by earlier versions settle into a clean sequence.
/// </summary>
public static class MoveService
{
    public enum Outcome
    {
        Moved = 0,
        NotFound = 1,

        /// <summary>Already first (moving up) or last (moving down).</summary>
        AtEdge = 2,
    }

    public sealed class Handler(BookingDb db, AuditLog audit)
    {
        public async Task<Outcome> HandleAsync(long actorId, int serviceId, bool up, CancellationToken ct)
        {
            var list = await ListAllServices.Ordered(db.Services).ToListAsync(ct);
            var index = list.FindIndex(s => s.Id == serviceId);
            if (index < 0)
            {
                return Outcome.NotFound;
            }

            var other = up ? index - 1 : index + 1;
            if (other < 0 || other >= list.Count)
            {
                return Outcome.AtEdge;
            }

            var before = list[index].DisplayOrder;
            (list[index], list[other]) = (list[other], list[index]);
            for (var i = 0; i < list.Count; i++)
            {
                list[i].MoveTo(i + 1);
            }

            audit.Record(actorId, up ? "service.move_up" : "service.move_down", ServiceSnapshot.Target(serviceId),
                new { order = before }, new { order = other + 1 });
            await db.SaveChangesAsync(ct);
            return Outcome.Moved;
        }
    }
}
