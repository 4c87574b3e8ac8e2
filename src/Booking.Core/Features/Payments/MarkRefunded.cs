using Booking.Core.Data;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Payments;

/// <summary>X3: an admin says the deposit owed back on a booking has been returned to the client (audited).</summary>
public static class MarkRefunded
{
    public sealed record Request(long AdminId, int BookingId);

    public enum Outcome
    {
        Marked = 0,

        /// <summary>Another admin (or an earlier tap) marked it already: nothing changes.</summary>
        AlreadyMarked = 1,

        /// <summary>The booking owes nothing back.</summary>
        NothingOwed = 2,
        NotFound = 3,
    }

    public sealed record Result(Outcome Outcome, Domain.Booking? Booking = null);

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var booking = await db.Bookings.SingleOrDefaultAsync(b => b.Id == request.BookingId, ct);
            if (booking is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (!booking.RefundDue)
            {
                return new Result(booking.RefundedUtc is null ? Outcome.NothingOwed : Outcome.AlreadyMarked, booking);
            }

            booking.MarkRefunded(request.AdminId, clock.GetUtcNow().UtcDateTime);
            audit.Record(request.AdminId, "payment.refunded", $"booking:{booking.Id}", null, new
            {
                amount = booking.PaidAmount,
                currency = booking.Currency,
                payment = booking.ProviderChargeId,
            });
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return new Result(Outcome.Marked, booking);
        }
    }
}
