using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Catalog;

/// <summary>C2/C10: the services a client can book, in the admin's order.</summary>
public static class ListServices
{
    public sealed record Result(IReadOnlyList<Service> Services, BusinessSettings Settings);

    public sealed class Handler(BookingDb db, Availability.ScheduleReader schedule)
    {
        // Compiled once per model (CompiledQuery): every step of the booking flow shows or checks the list (see ScheduleReader on why).
        private static readonly CompiledQuery<Func<BookingDb, IAsyncEnumerable<Service>>> BookableQuery = new(() =>
            EF.CompileAsyncQuery<BookingDb, Service>(db => db.Services.AsNoTracking()
                .Where(s => s.IsActive && !s.IsDeleted)
                .OrderBy(s => s.DisplayOrder).ThenBy(s => s.Name)));

        public async Task<Result> HandleAsync(CancellationToken ct)
        {
            var services = await BookableQuery.For(db)(db).ToListAsync(ct);
            var settings = await schedule.SettingsAsync(ct);
            return new Result(services, settings);
        }

        /// <summary>Any service, deleted or not: bookings keep pointing at the service they were made for.</summary>
        public Task<Service?> FindAnyAsync(int id, CancellationToken ct) =>
            db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

        public Task<Service?> FindBookableAsync(int id, CancellationToken ct) =>
            db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id && s.IsActive && !s.IsDeleted, ct);
    }
}
