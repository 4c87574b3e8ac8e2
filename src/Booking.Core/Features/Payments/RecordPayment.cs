using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Payments;

/// <summary>
/// X3: a successful_payment arrived. The held booking is confirmed; a payment Telegram reports twice is recorded once
/// (by its charge id); a payment that arrives after the hold was released confirms the booking if its time is still
/// free, and otherwise is kept on record as owed back — money is never dropped silently.
/// </summary>
public static class RecordPayment
{
    /// <param name="BookingId">From the invoice payload; null when the payload could not be read.</param>
    public sealed record Request(long ClientId, int? BookingId, Payment Payment);

    public enum Outcome
    {
        Confirmed = 0,

        /// <summary>This charge was recorded before: nothing changes and nobody is told again.</summary>
        AlreadyRecorded = 1,

        /// <summary>Paid after the hold was released, and the time was still free: confirmed all the same.</summary>
        ConfirmedLate = 2,

        /// <summary>Paid for a booking that cannot stand: an admin must refund it (audited).</summary>
        RefundDue = 3,
    }

    /// <param name="Booking">The booking paid for, with its service; null only when none of the client's matched.</param>
    public sealed record Result(Outcome Outcome, Domain.Booking? Booking);

    public sealed class Handler(BookingDb db, WriteGate gate, ScheduleReader reader, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            await using var write = await gate.BeginAsync(ct);
            var known = await db.Bookings.AsNoTracking().Include(b => b.Service)
                .FirstOrDefaultAsync(b => b.PaymentChargeId == request.Payment.ChargeId, ct);
            if (known is not null)
            {
                return new Result(Outcome.AlreadyRecorded, known);
            }

            var booking = await db.Bookings.Include(b => b.Service).Include(b => b.Notifications)
                .SingleOrDefaultAsync(b => b.Id == request.BookingId && b.ClientId == request.ClientId, ct);
            var outcome = await SettleAsync(booking, request.Payment, nowUtc, ct);
            if (outcome == Outcome.RefundDue)
            {
                AuditRefund(request, booking);
            }

            if (await write.TrySaveAndCommitAsync(ct))
            {
                return new Result(outcome, booking);
            }

            // Only a writer that went around the gate can make the database refuse the time: the money is owed back.
            await using var again = await gate.BeginAsync(ct);
            AuditRefund(request, booking);
            await db.SaveChangesAsync(ct);
            await again.CommitAsync(ct);
            return new Result(Outcome.RefundDue, booking);
        }

        private async Task<Outcome> SettleAsync(Domain.Booking? booking, Payment payment, DateTime nowUtc, CancellationToken ct)
        {
            if (booking is null || booking.PaymentChargeId is not null)
            {
                return Outcome.RefundDue; // unknown, or paid twice under two charges: only the audit can hold the second
            }

            if (booking.IsAwaitingPayment)
            {
                // Even past its hold: until the sweep releases it, nobody else could have taken its time.
                booking.ConfirmPaid(payment, await PlanAsync(ct), nowUtc);
                return Outcome.Confirmed;
            }

            if (booking is { Status: BookingStatus.Expired } && booking.StartUtc > nowUtc
                && await IsStillFreeAsync(booking, ct))
            {
                booking.ConfirmPaid(payment, await PlanAsync(ct), nowUtc);
                return Outcome.ConfirmedLate;
            }

            booking.OweRefund(payment, nowUtc);
            return Outcome.RefundDue;
        }

        private async Task<bool> IsStillFreeAsync(Domain.Booking booking, CancellationToken ct)
        {
            var schedule = await reader.ReadAroundAsync(booking.StartUtc, booking.Id, ct);
            return booking.Service is { IsDeleted: false }
                && schedule.Check(MoveByAdmin.RulesFor(schedule, booking), booking.StartUtc) == SlotCheck.Free;
        }

        private async Task<NotificationPlan> PlanAsync(CancellationToken ct) => NotificationPlan.From(await reader.SettingsAsync(ct));

        private void AuditRefund(Request request, Domain.Booking? booking) =>
            audit.Record(request.ClientId, "payment.refund_due", booking is null ? $"client:{request.ClientId}" : $"booking:{booking.Id}", null, new
            {
                booking = request.BookingId,
                amount = request.Payment.Amount,
                currency = request.Payment.Currency,
                charge = request.Payment.ChargeId,
                providerCharge = request.Payment.ProviderChargeId,
            });
    }
}
