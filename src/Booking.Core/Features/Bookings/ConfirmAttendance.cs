using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>X5: the client answers the day-before reminder with "I'll come".</summary>
public static class ConfirmAttendance
{
    public enum Outcome
    {
        Confirmed = 0,
        AlreadyConfirmed = 1,
        NotFound = 2,
    }

    public sealed record Result(Outcome Outcome, Domain.Booking? Booking = null);

    public sealed class Handler(BookingDb db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(long clientId, int bookingId, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var booking = await db.Bookings.Include(b => b.Service)
                .SingleOrDefaultAsync(b => b.Id == bookingId && b.ClientId == clientId, ct);
            if (booking is not { IsActive: true } || booking.StartUtc <= nowUtc)
            {
                return new Result(Outcome.NotFound, booking);
            }

            if (booking.AttendanceConfirmedUtc is not null)
            {
                return new Result(Outcome.AlreadyConfirmed, booking);
            }

            booking.ConfirmAttendance(nowUtc);
            await db.SaveChangesAsync(ct);
            return new Result(Outcome.Confirmed, booking);
        }
    }
}
