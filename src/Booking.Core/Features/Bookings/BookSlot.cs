using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>C5/P3: books a slot after re-checking everything inside one write transaction.</summary>
public static class BookSlot
{
    /// <param name="Prepayment">
    /// Set when the bot can take payments (X3): a service with a deposit in this currency is then held for the client
    /// for that long instead of being confirmed at once.
    /// </param>
    public sealed record Request(long ClientId, int ServiceId, DateTime StartUtc, PrepaymentTerms? Prepayment = null);

    public sealed record PrepaymentTerms(string Currency, TimeSpan Hold);

    public enum Outcome
    {
        Booked = 0,
        ServiceUnavailable = 1,

        /// <summary>The slot cannot be booked now; <see cref="Result.Check"/> says why.</summary>
        SlotUnavailable = 2,
        LimitReached = 3,

        /// <summary>
        /// The same client already holds this exact booking (confirmed, or held for payment): a repeated confirm, answered
        /// idempotently.
        /// </summary>
        AlreadyBooked = 4,

        /// <summary>X3: the slot is now held for the client until the deposit is paid; the booking is not confirmed yet.</summary>
        AwaitingPayment = 5,
    }

    public sealed record Result(Outcome Outcome, Domain.Booking? Booking = null, int Limit = 0, SlotCheck Check = SlotCheck.Free);

    public sealed class Handler(BookingDb db, ScheduleReader reader, WriteGate gate, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ServiceId, ct);
            if (service is not { IsActive: true, IsDeleted: false })
            {
                return new Result(Outcome.ServiceUnavailable);
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var same = await db.Bookings.FirstOrDefaultAsync(
                b => b.ClientId == request.ClientId && b.ServiceId == request.ServiceId && b.StartUtc == request.StartUtc
                    && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.AwaitingPayment), ct);
            if (same is { IsAwaitingPayment: true } && !same.IsHoldValid(nowUtc))
            {
                // The client's own hold ran out and the sweep has not come by yet: it must not stand in their way.
                same.ReleaseHold(nowUtc);
                await db.SaveChangesAsync(ct);
            }
            else if (same is not null)
            {
                return new Result(Outcome.AlreadyBooked, same);
            }

            var schedule = await reader.ReadAroundAsync(request.StartUtc, null, ct);
            var limit = schedule.Settings.MaxActiveBookings;
            var active = await ActiveBookings.CountAsync(db, request.ClientId, nowUtc, ct);
            if (active >= limit)
            {
                return new Result(Outcome.LimitReached, Limit: limit);
            }

            var check = schedule.Check(service, request.StartUtc);
            if (check != SlotCheck.Free)
            {
                return new Result(Outcome.SlotUnavailable, Check: check);
            }

            var deposit = request.Prepayment is { } terms && service.Currency == terms.Currency ? service.DepositAmount : null;
            var held = deposit is not null;
            var booking = deposit is { } amount
                ? Domain.Booking.Hold(request.ClientId, service, amount, request.StartUtc, nowUtc + request.Prepayment!.Hold, nowUtc)
                : Domain.Booking.Create(
                    request.ClientId, service, request.StartUtc, Actor.Client, request.ClientId, NotificationPlan.From(schedule.Settings), nowUtc);
            db.Bookings.Add(booking);
            return await write.TrySaveAndCommitAsync(ct)
                ? new Result(held ? Outcome.AwaitingPayment : Outcome.Booked, booking, limit)
                : new Result(Outcome.SlotUnavailable, Check: SlotCheck.Taken);
        }
    }
}

internal static class ActiveBookings
{
    /// <summary>
    /// The per-user limit counts bookings that hold their time and have not started yet — confirmed ones and those held
    /// for payment (X3) — one definition everywhere.
    /// </summary>
    public static Task<int> CountAsync(BookingDb db, long clientId, DateTime nowUtc, CancellationToken ct) =>
        db.Bookings.CountAsync(b => b.ClientId == clientId && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.AwaitingPayment)
            && b.StartUtc > nowUtc, ct);
}
