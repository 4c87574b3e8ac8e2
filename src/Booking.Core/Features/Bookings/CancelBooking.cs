using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>
/// C7: a client cancels their own booking, allowed until the cancellation window closes. A booking still held for its
/// deposit (X3) can be given up at any time: nothing was promised or paid yet, and its slot goes back at once.
/// </summary>
public static class CancelBooking
{
    public sealed record Request(long ClientId, int BookingId);

    public enum Outcome
    {
        Cancelled = 0,
        NotFound = 1,
        NotActive = 2,
        TooLate = 3,
    }

    public sealed record Result(Outcome Outcome, Domain.Booking? Booking = null, int WindowHours = 0);

    public sealed class Handler(BookingDb db, WriteGate gate, ChangeWindow window, TimeProvider clock)
    {
        /// <summary>Checks without changing anything: used to decide whether to ask "are you sure?".</summary>
        public async Task<Result> CheckAsync(Request request, CancellationToken ct)
        {
            var booking = await db.Bookings.AsNoTracking().Include(b => b.Service)
                .SingleOrDefaultAsync(b => b.Id == request.BookingId && b.ClientId == request.ClientId, ct);
            return await JudgeAsync(booking, ct);
        }

        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var booking = await db.Bookings.Include(b => b.Service).Include(b => b.Notifications)
                .SingleOrDefaultAsync(b => b.Id == request.BookingId && b.ClientId == request.ClientId, ct);
            var verdict = await JudgeAsync(booking, ct);
            if (verdict.Outcome != Outcome.Cancelled)
            {
                return verdict;
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            if (booking!.IsAwaitingPayment)
            {
                booking.ReleaseHold(nowUtc, request.ClientId);
            }
            else
            {
                booking.Cancel(Actor.Client, request.ClientId, null, nowUtc);
            }

            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return verdict;
        }

        private async Task<Result> JudgeAsync(Domain.Booking? booking, CancellationToken ct)
        {
            if (booking is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (booking.IsAwaitingPayment)
            {
                return new Result(Outcome.Cancelled, booking);
            }

            if (!booking.IsActive)
            {
                return new Result(Outcome.NotActive, booking);
            }

            var (open, hours) = await window.IsOpenAsync(booking, ct);
            return new Result(open ? Outcome.Cancelled : Outcome.TooLate, booking, hours);
        }
    }
}

/// <summary>The cancellation window (C7), shared by cancel and reschedule and judged when the change executes.</summary>
public sealed class ChangeWindow(BookingDb db, TimeProvider clock)
{
    public async Task<(bool Open, int WindowHours)> IsOpenAsync(Domain.Booking booking, CancellationToken ct)
    {
        var hours = await db.Settings.AsNoTracking().Select(s => s.CancellationWindowHours).SingleOrDefaultAsync(ct);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        return (booking.StartUtc - nowUtc >= TimeSpan.FromHours(hours), hours);
    }
}
