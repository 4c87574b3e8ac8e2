using Booking.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Payments;

/// <summary>X3: the deposits taken for bookings that could not stand and not yet marked as returned, oldest first.</summary>
public static class ListRefundsDue
{
    public sealed record Item(int BookingId, DateTime StartUtc, string Service, string Client, decimal Paid, string Currency, string? Payment);

    public sealed class Handler(BookingDb db)
    {
        public async Task<IReadOnlyList<Item>> HandleAsync(CancellationToken ct)
        {
            var rows = await db.Bookings.AsNoTracking()
                .Where(b => b.RefundDue)
                .OrderBy(b => b.PaidUtc).ThenBy(b => b.Id)
                .Select(b => new { b.Id, b.StartUtc, Service = b.Service!.Name, b.Client!.FirstName, b.Client.Username, b.PaidAmount, b.Currency, b.ProviderChargeId })
                .ToListAsync(ct);
            return rows.Select(r => new Item(r.Id, r.StartUtc, r.Service, Domain.Client.ListName(r.FirstName, r.Username),
                r.PaidAmount ?? 0, r.Currency, r.ProviderChargeId)).ToList();
        }
    }
}
