using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>
/// A3: an admin cancels a client's booking, with an optional reason the client is told. The client's cancellation
/// window does not bind the business, but a visit that has started is marked instead of cancelled.
/// </summary>
public static class CancelByAdmin
{
    public const int MaxReasonLength = 256;

    public sealed record Request(long AdminId, int BookingId, string? Reason);

    public enum Outcome
    {
        Cancelled = 0,
        NotFound = 1,

        /// <summary>Already cancelled, completed or marked no-show.</summary>
        NotActive = 2,
        AlreadyStarted = 3,
    }

    /// <param name="Client">Who to tell, with their language; null only when nothing was found.</param>
    public sealed record Result(Outcome Outcome, Domain.Booking? Booking = null, Client? Client = null);

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            await using var write = await gate.BeginAsync(ct);
            var booking = await db.Bookings.Include(b => b.Notifications).Include(b => b.Service).Include(b => b.Client)
                .SingleOrDefaultAsync(b => b.Id == request.BookingId, ct);
            if (booking is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (!booking.IsActive || booking.StartUtc <= nowUtc)
            {
                return new Result(booking.IsActive ? Outcome.AlreadyStarted : Outcome.NotActive, booking, booking.Client);
            }

            var reason = Trim(request.Reason);
            booking.Cancel(Actor.Admin, request.AdminId, reason, nowUtc);
            audit.Record(request.AdminId, "booking.cancel", $"booking:{booking.Id}",
                new { status = nameof(BookingStatus.Confirmed), start = booking.StartUtc }, new { status = nameof(BookingStatus.Cancelled), reason });
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return new Result(Outcome.Cancelled, booking, booking.Client);
        }

        private static string? Trim(string? reason)
        {
            var text = reason?.Trim();
            return string.IsNullOrEmpty(text) ? null : text.Length > MaxReasonLength ? text[..MaxReasonLength] : text;
        }
    }
}
