using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Blocks;

/// <summary>
/// A6: closes a span of time to bookings. Every booking not yet started that overlaps it (interval overlap, not
/// the same start) is cancelled by the admin in the same transaction, which also drops its reminders; the caller
/// tells those clients.
/// </summary>
public static class BlockTime
{
    public sealed record Request(long ActorId, DateTime StartUtc, DateTime EndUtc, string? Reason);

    public enum Outcome
    {
        Blocked = 0,

        /// <summary>The end is not after the start, or the reason is too long.</summary>
        Invalid = 1,

        /// <summary>The whole span is already over.</summary>
        InPast = 2,
    }

    /// <summary>A booking the block cancelled, with what its client needs to be told.</summary>
    public sealed record Cancelled(int BookingId, long ClientId, string Language, int ServiceId, string Service, DateTime StartUtc);

    public sealed record Result(Outcome Outcome, Block? Block = null, IReadOnlyList<Cancelled>? CancelledBookings = null);

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit, TimeProvider clock)
    {
        /// <summary>The bookings a block would cancel, for the admin to see before confirming.</summary>
        public Task<int> CountAffectedAsync(DateTime startUtc, DateTime endUtc, CancellationToken ct) =>
            Affected(startUtc, endUtc, clock.GetUtcNow().UtcDateTime).CountAsync(ct);

        public async Task<Result> HandleAsync(Request r, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var reason = string.IsNullOrWhiteSpace(r.Reason) ? null : r.Reason.Trim();
            if (r.EndUtc <= r.StartUtc || !Block.IsValidReason(reason))
            {
                return new Result(Outcome.Invalid);
            }

            if (r.EndUtc <= nowUtc)
            {
                return new Result(Outcome.InPast);
            }

            await using var write = await gate.BeginAsync(ct);
            var bookings = await Affected(r.StartUtc, r.EndUtc, nowUtc)
                .Include(b => b.Notifications).Include(b => b.Client).Include(b => b.Service)
                .OrderBy(b => b.StartUtc).ToListAsync(ct);
            foreach (var booking in bookings)
            {
                booking.Cancel(Actor.Admin, r.ActorId, reason, nowUtc);
            }

            var block = new Block(r.StartUtc, r.EndUtc, reason, r.ActorId, nowUtc);
            db.Blocks.Add(block);
            await db.SaveChangesAsync(ct);
            audit.Record(r.ActorId, "block.add", $"block:{block.Id}", null, new
            {
                startUtc = block.StartUtc,
                endUtc = block.EndUtc,
                reason,
                cancelledBookings = bookings.Select(b => b.Id).ToArray(),
            });
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);

            var cancelled = bookings
                .Select(b => new Cancelled(b.Id, b.ClientId, b.Client?.Language ?? Languages.Default, b.ServiceId, b.Service?.Name ?? string.Empty, b.StartUtc))
                .ToList();
            return new Result(Outcome.Blocked, block, cancelled);
        }

        /// <summary>Held bookings that have not started and share any moment with [start, end).</summary>
        private IQueryable<Domain.Booking> Affected(DateTime startUtc, DateTime endUtc, DateTime nowUtc) =>
            db.Bookings.Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.AwaitingPayment) && b.StartUtc > nowUtc && b.StartUtc < endUtc && b.EndUtc > startUtc);
    }
}
