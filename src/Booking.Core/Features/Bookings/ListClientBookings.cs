using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>C6: a client's upcoming bookings, those held while a deposit is paid (X3), and their recent past ones.</summary>
public static class ListClientBookings
{
    public const int RecentCount = 5;

    /// <param name="Held">Bookings whose deposit is not paid yet, while their hold stands.</param>
    public sealed record Result(IReadOnlyList<Domain.Booking> Upcoming, IReadOnlyList<Domain.Booking> Held, IReadOnlyList<Domain.Booking> Recent, int Limit);

    public sealed class Handler(BookingDb db, TimeProvider clock, Availability.ScheduleReader schedule)
    {
        public async Task<Result> HandleAsync(long clientId, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;

            // One query for both: a held booking is upcoming too, only not confirmed yet.
            var ahead = await db.Bookings.AsNoTracking().Include(b => b.Service)
                .Where(b => b.ClientId == clientId && ((b.Status == BookingStatus.Confirmed && b.StartUtc > nowUtc)
                    || (b.Status == BookingStatus.AwaitingPayment && b.HoldUntilUtc > nowUtc)))
                .OrderBy(b => b.StartUtc)
                .ToListAsync(ct);
            var upcoming = ahead.Where(b => b.Status == BookingStatus.Confirmed).ToList();
            var held = ahead.Where(b => b.Status == BookingStatus.AwaitingPayment).ToList();
            var recent = await db.Bookings.AsNoTracking().Include(b => b.Service)
                .Where(b => b.ClientId == clientId && b.Status != BookingStatus.AwaitingPayment && b.Status != BookingStatus.Expired && (b.StartUtc <= nowUtc || b.Status != BookingStatus.Confirmed))
                .OrderByDescending(b => b.StartUtc)
                .Take(RecentCount)
                .ToListAsync(ct);
            var limit = (await schedule.SettingsAsync(ct)).MaxActiveBookings;
            return new Result(upcoming, held, recent, limit);
        }

        public Task<int> CountActiveAsync(long clientId, CancellationToken ct) =>
            ActiveBookings.CountAsync(db, clientId, clock.GetUtcNow().UtcDateTime, ct);
    }
}
