using System.Text.Json;
using Booking.Core.Data;
using Booking.Core.Domain;

namespace Booking.Core.Features.Audit;

/// <summary>A11: records an admin mutation; it is saved by the same SaveChanges as the change itself.</summary>
public sealed class AuditLog(BookingDb db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public void Record(long actorId, string action, string target, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry(
            actorId, action, target,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json),
            clock.GetUtcNow().UtcDateTime));
}
