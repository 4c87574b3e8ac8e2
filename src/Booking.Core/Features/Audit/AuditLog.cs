using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Booking.Core.Data;
using Booking.Core.Domain;

namespace Booking.Core.Features.Audit;

/// <summary>A11: records an admin mutation; it is saved by the same SaveChanges as the change itself.</summary>
public sealed class AuditLog(BookingDb db, TimeProvider clock)
{
    // Reasons and names are often Cyrillic: kept readable in the viewer and the CSV export rather than \u-escaped.
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public void Record(long actorId, string action, string target, object? before, object? after) =>
        db.AuditEntries.Add(new AuditEntry(
            actorId, action, target,
            before is null ? null : JsonSerializer.Serialize(before, Json),
            after is null ? null : JsonSerializer.Serialize(after, Json),
            clock.GetUtcNow().UtcDateTime));
}
