using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Payments;

/// <summary>
/// X3: answers Telegram's pre_checkout_query — may this client pay this amount for this booking now? Only a hold
/// still running is worth paying for; anything else is refused before money moves.
/// </summary>
public static class CheckPaymentHold
{
    public sealed record Request(long ClientId, int BookingId, long TotalMinorUnits, string Currency);

    public enum Outcome
    {
        Valid = 0,

        /// <summary>The hold ran out (or was released): the slot may be someone else's by now.</summary>
        Expired = 1,

        /// <summary>No such booking of this client, or it is already paid.</summary>
        NotFound = 2,

        /// <summary>The invoice does not match the deposit (an old invoice after the deposit changed, or forged).</summary>
        AmountMismatch = 3,
    }

    public sealed class Handler(BookingDb db, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Request request, CancellationToken ct)
        {
            var booking = await db.Bookings.AsNoTracking()
                .SingleOrDefaultAsync(b => b.Id == request.BookingId && b.ClientId == request.ClientId, ct);
            if (booking is null || booking.PaymentChargeId is not null)
            {
                return Outcome.NotFound;
            }

            if (!booking.IsHoldValid(clock.GetUtcNow().UtcDateTime))
            {
                return Outcome.Expired;
            }

            return booking.Currency == request.Currency && MinorUnits.From(booking.DepositAmount ?? 0, booking.Currency) == request.TotalMinorUnits
                ? Outcome.Valid
                : Outcome.AmountMismatch;
        }
    }
}
