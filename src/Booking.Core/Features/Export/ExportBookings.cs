using Booking.Core.Data;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Export;

/// <summary>A13: every booking ever made, oldest first, times local to the business.</summary>
public static class ExportBookings
{
    public const string FileName = "bookings.csv";

    public sealed class Handler(BookingDb db, ScheduleReader reader)
    {
        public async Task<ExportFile> HandleAsync(CancellationToken ct)
        {
            var zone = await reader.ZoneAsync(ct);
            var bookings = await db.Bookings.AsNoTracking()
                .OrderBy(b => b.Id)
                .Select(b => new
                {
                    b.Id, b.StartUtc, b.EndUtc, b.DurationMinutes, Service = b.Service!.Name, b.Price, b.Currency, b.Status,
                    b.ClientId, b.Client!.FirstName, b.Client.LastName, b.Client.Username, b.Client.Phone,
                    b.CreatedUtc, b.AttendanceConfirmedUtc, b.CancelReason, b.PaidAmount, b.RefundDue, b.RefundedUtc, b.ProviderChargeId,
                })
                .ToListAsync(ct);
            var csv = new Csv().Header(
                "id", "start", "end", "duration_min", "service", "price", "currency", "status",
                "client_id", "client_first_name", "client_last_name", "client_username", "client_phone",
                "created", "attendance_confirmed", "cancel_reason", "deposit_paid", "refund_due", "refunded", "payment_id");
            DateTime? Local(DateTime? utc) => utc is { } u ? LocalTime.ToLocal(u, zone) : null;
            foreach (var b in bookings)
            {
                csv.Row(
                    b.Id, Local(b.StartUtc), Local(b.EndUtc), b.DurationMinutes, b.Service, b.Price, b.Currency, b.Status.ToString(),
                    b.ClientId, b.FirstName, b.LastName, b.Username, b.Phone,
                    Local(b.CreatedUtc), Local(b.AttendanceConfirmedUtc), b.CancelReason, b.PaidAmount, b.RefundDue, Local(b.RefundedUtc), b.ProviderChargeId);
            }

            return new ExportFile(FileName, csv.ToBytes(), csv.Rows);
        }
    }
}
