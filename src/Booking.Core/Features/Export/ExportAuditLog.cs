using Booking.Core.Features.Audit;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;

namespace Booking.Core.Features.Export;

/// <summary>A11: the audit log (or the filtered part of it) as CSV, oldest first, times local to the business.</summary>
public static class ExportAuditLog
{
    public const string FileName = "audit.csv";

    public sealed class Handler(ListAuditEntries.Handler audit, ScheduleReader reader)
    {
        public async Task<ExportFile> HandleAsync(ListAuditEntries.Filter filter, CancellationToken ct)
        {
            var zone = await reader.ZoneAsync(ct);
            var entries = await audit.AllAsync(filter, ct);
            var csv = new Csv().Header("id", "at", "admin_id", "admin", "action", "target", "before", "after");
            foreach (var (e, name) in entries)
            {
                csv.Row(e.Id, LocalTime.ToLocal(e.AtUtc, zone), e.ActorId, name, e.Action, e.Target, e.Before, e.After);
            }

            return new ExportFile(FileName, csv.ToBytes(), csv.Rows);
        }
    }
}
