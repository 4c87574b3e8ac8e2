using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Services;

/// <summary>A4: every service that is not deleted, active or not, in the order clients see them.</summary>
public static class ListAllServices
{
    public sealed class Handler(BookingDb db)
    {
        public async Task<IReadOnlyList<Service>> HandleAsync(CancellationToken ct) =>
            await Ordered(db.Services.AsNoTracking()).ToListAsync(ct);

        public Task<Service?> FindAsync(int id, CancellationToken ct) =>
            db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && !s.IsDeleted, ct);
    }

    /// <summary>The display order, with the same tie-breaks as the client's list.</summary>
    internal static IQueryable<Service> Ordered(IQueryable<Service> services) =>
        services.Where(s => !s.IsDeleted).OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name).ThenBy(s => s.Id);
}
