using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Services;

/// <summary>
/// A4: changes one field of a service, by the same rules as creating one, or shows and hides it. Clients see the
/// change on their next tap (their lists and calendars read the database each time); bookings already made keep
/// the duration and price they were made with.
/// </summary>
public static class EditService
{
    public enum Outcome
    {
        Done = 0,
        NotFound = 1,
        Invalid = 2,
    }

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit)
    {
        public Task<Outcome> RenameAsync(long actorId, int serviceId, string name, CancellationToken ct) =>
            ChangeAsync(actorId, serviceId, "service.rename", Service.IsValidName(name), s => s.Rename(name), ct);

        public Task<Outcome> DescribeAsync(long actorId, int serviceId, string? description, CancellationToken ct) =>
            ChangeAsync(actorId, serviceId, "service.describe", Service.IsValidDescription(description), s => s.Describe(description), ct);

        public Task<Outcome> ChangeDurationAsync(long actorId, int serviceId, int minutes, CancellationToken ct) =>
            ChangeAsync(actorId, serviceId, "service.duration", Service.IsValidDuration(minutes), s => s.ChangeDuration(minutes), ct);

        public Task<Outcome> ChangePriceAsync(long actorId, int serviceId, decimal price, string currency, CancellationToken ct) =>
            ChangeAsync(actorId, serviceId, "service.price", Service.IsValidPrice(price) && Service.IsValidCurrency(currency),
                s => s.ChangePrice(price, currency), ct);

        /// <summary>X3: the deposit taken when booking, in the service's currency; null takes none. Never more than the price.</summary>
        public Task<Outcome> RequireDepositAsync(long actorId, int serviceId, decimal? amount, CancellationToken ct) =>
            ChangeAsync(actorId, serviceId, "service.deposit", amount is null || Service.IsValidPrice(amount.Value),
                s => s.RequireDeposit(amount), ct, s => s.IsValidDeposit(amount));

        public Task<Outcome> UseSlotIntervalAsync(long actorId, int serviceId, int? minutes, CancellationToken ct) =>
            ChangeAsync(actorId, serviceId, "service.interval", Service.IsValidSlotInterval(minutes), s => s.UseSlotInterval(minutes), ct);

        public Task<Outcome> SetActiveAsync(long actorId, int serviceId, bool active, CancellationToken ct) =>
            ChangeAsync(actorId, serviceId, active ? "service.activate" : "service.deactivate", true,
                s =>
                {
                    if (active)
                    {
                        s.Activate();
                    }
                    else
                    {
                        s.Deactivate();
                    }
                },
                ct);

        /// <param name="allowed">A rule that needs the service itself (a deposit is checked against its price).</param>
        private async Task<Outcome> ChangeAsync(
            long actorId, int serviceId, string action, bool valid, Action<Service> change, CancellationToken ct, Func<Service, bool>? allowed = null)
        {
            if (!valid)
            {
                return Outcome.Invalid;
            }

            await using var write = await gate.BeginAsync(ct);
            var service = await db.Services.SingleOrDefaultAsync(s => s.Id == serviceId && !s.IsDeleted, ct);
            if (service is null)
            {
                return Outcome.NotFound;
            }

            if (allowed?.Invoke(service) == false)
            {
                return Outcome.Invalid;
            }

            var before = ServiceSnapshot.Of(service);
            change(service);
            audit.Record(actorId, action, ServiceSnapshot.Target(serviceId), before, ServiceSnapshot.Of(service));
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return Outcome.Done;
        }
    }
}
