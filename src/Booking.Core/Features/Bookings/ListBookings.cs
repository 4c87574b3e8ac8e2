using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>
/// X1: the web panel's bookings table — bookings starting in a range of local days, optionally of one status and one
/// service, whose client matches a search (name, @username or Telegram id), earliest first.
/// </summary>
public static class ListBookings
{
    /// <summary>At most this many rows are shown; the result says when more matched.</summary>
    public const int MaxRows = 300;

    public sealed record Request(DateOnly? From, DateOnly? To, BookingStatus? Status, int? ServiceId, string? Search);

    public sealed record Line(
        int BookingId, DateTime StartUtc, int DurationMinutes, int ServiceId, string Service, long ClientId, string Client, BookingStatus Status,
        decimal Price, string Currency, string? CancelReason, bool AttendanceConfirmed);

    public sealed record Result(DateOnly From, DateOnly To, IReadOnlyList<Line> Lines, bool Truncated, TimeZoneInfo Zone, DateTime NowUtc);

    public sealed class Handler(BookingDb db, ScheduleReader reader)
    {
        /// <summary>Without dates: today and the next 30 days.</summary>
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            var zone = await reader.ZoneAsync(ct);
            var today = LocalTime.Today(reader.NowUtc, zone);
            var from = request.From ?? today;
            var to = request.To is { } t && t >= from ? t : from.AddDays(30);
            var (fromUtc, toUtc) = (LocalTime.ToUtc(from, TimeOnly.MinValue, zone), LocalTime.ToUtc(to.AddDays(1), TimeOnly.MinValue, zone));
            var query = db.Bookings.AsNoTracking().Where(b => b.StartUtc >= fromUtc && b.StartUtc < toUtc
                && (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.Cancelled || b.Status == BookingStatus.Completed || b.Status == BookingStatus.NoShow));
            if (request.Status is { } status)
            {
                query = query.Where(b => b.Status == status);
            }

            if (request.ServiceId is { } serviceId)
            {
                query = query.Where(b => b.ServiceId == serviceId);
            }

            var rows = await query.OrderBy(b => b.StartUtc).ThenBy(b => b.Id)
                .Select(b => new
                {
                    b.Id, b.StartUtc, b.DurationMinutes, b.ServiceId, Service = b.Service!.Name, b.ClientId, b.Client!.FirstName, b.Client.LastName,
                    b.Client.Username, b.Status, b.Price, b.Currency, b.CancelReason, b.AttendanceConfirmedUtc,
                })
                .ToListAsync(ct);
            var search = request.Search?.Trim().TrimStart('@');
            var lines = rows
                .Where(r => string.IsNullOrEmpty(search) || Matches(search, r.ClientId, r.FirstName, r.LastName, r.Username))
                .Select(r => new Line(r.Id, r.StartUtc, r.DurationMinutes, r.ServiceId, r.Service, r.ClientId,
                    Client.ListName(r.FirstName, r.Username),
                    r.Status, r.Price, r.Currency, r.CancelReason, r.AttendanceConfirmedUtc is not null))
                .ToList();
            return new Result(from, to, lines.Take(MaxRows).ToList(), lines.Count > MaxRows, zone, reader.NowUtc);
        }

        private static bool Matches(string search, long id, string first, string? last, string? username) =>
            id.ToString(System.Globalization.CultureInfo.InvariantCulture) == search
            || first.Contains(search, StringComparison.OrdinalIgnoreCase)
            || (last?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
            || (username?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false);
    }
}
