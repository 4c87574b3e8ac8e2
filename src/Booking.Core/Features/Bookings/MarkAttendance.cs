using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>
/// A3/X5: an admin marks a visit completed or no-show, once it has started. A wrong mark can be corrected (no-show
/// to completed and back); the booking history and the audit log get each change in the same save.
/// </summary>
public static class MarkAttendance
{
    public sealed record Request(long AdminId, int BookingId, bool Attended);

    public enum Outcome
    {
        Marked = 0,
        Unchanged = 1,
        NotFound = 2,

        /// <summary>The visit has not started yet: nobody can know whether the client comes.</summary>
        NotStarted = 3,

        /// <summary>The booking was cancelled: there was no visit to mark.</summary>
        Cancelled = 4,
    }

    public sealed record Result(Outcome Outcome, Domain.Booking? Booking = null);

    public sealed class Handler(BookingDb db, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var booking = await db.Bookings.Include(b => b.Notifications).Include(b => b.Service)
                .SingleOrDefaultAsync(b => b.Id == request.BookingId, ct);
            var target = request.Attended ? BookingStatus.Completed : BookingStatus.NoShow;
            var refusal = booking switch
            {
                null => Outcome.NotFound,
                { Status: BookingStatus.Cancelled } => Outcome.Cancelled,
                { } b when b.StartUtc > nowUtc => Outcome.NotStarted,
                { } b when b.Status == target => Outcome.Unchanged,
                _ => (Outcome?)null,
            };
            if (refusal is { } outcome)
            {
                return new Result(outcome, booking);
            }

            var before = booking!.Status;
            if (request.Attended)
            {
                booking.MarkCompleted(Actor.Admin, request.AdminId, nowUtc);
            }
            else
            {
                booking.MarkNoShow(Actor.Admin, request.AdminId, nowUtc);
            }

            audit.Record(request.AdminId, request.Attended ? "booking.completed" : "booking.no_show", $"booking:{booking.Id}",
                new { status = before.ToString() }, new { status = booking.Status.ToString() });
            await db.SaveChangesAsync(ct);
            return new Result(Outcome.Marked, booking);
        }
    }
}
