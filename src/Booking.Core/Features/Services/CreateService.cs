using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Services;

/// <summary>A4: a new service, active at once and placed last in the list.</summary>
public static class CreateService
{
    public sealed record Request(
        long ActorId, string Name, string? Description, int DurationMinutes, decimal Price, string Currency, int? SlotIntervalMinutes);

    public enum Outcome
    {
        Created = 0,
        Invalid = 1,
    }

    public sealed record Result(Outcome Outcome, Service? Service = null);

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit)
    {
        public async Task<Result> HandleAsync(Request r, CancellationToken ct)
        {
            if (!IsValid(r))
            {
                return new Result(Outcome.Invalid);
            }

            await using var write = await gate.BeginAsync(ct);
            var last = await db.Services.Where(s => !s.IsDeleted).MaxAsync(s => (int?)s.DisplayOrder, ct) ?? 0;
            var service = new Service(r.Name, r.Description, r.DurationMinutes, r.Price, r.Currency, last + 1);
            service.UseSlotInterval(r.SlotIntervalMinutes);
            db.Services.Add(service);
            await db.SaveChangesAsync(ct);

            // The audit row names the new id, known only after the insert; one transaction keeps them together.
            audit.Record(r.ActorId, "service.create", ServiceSnapshot.Target(service.Id), null, ServiceSnapshot.Of(service));
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return new Result(Outcome.Created, service);
        }

        private static bool IsValid(Request r) =>
            Service.IsValidName(r.Name) && Service.IsValidDescription(r.Description) && Service.IsValidDuration(r.DurationMinutes)
            && Service.IsValidPrice(r.Price) && Service.IsValidCurrency(r.Currency) && Service.IsValidSlotInterval(r.SlotIntervalMinutes);
    }
}
