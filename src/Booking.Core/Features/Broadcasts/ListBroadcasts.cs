using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Broadcasts;

/// <summary>
/// A7 and X1: the latest broadcasts with how far each has got. Counts come from the recipients' statuses, as the
/// progress message's do, so a broadcast still going out shows its live progress.
/// </summary>
public static class ListBroadcasts
{
    public sealed record Item(
        int Id, DateTime CreatedUtc, long CreatedBy, Audience Audience, string Text, BroadcastStatus Status, int Total, int Sent, int Blocked, int Failed)
    {
        public int Done => Sent + Blocked + Failed;
    }

    public sealed class Handler(BookingDb db)
    {
        public async Task<IReadOnlyList<Item>> HandleAsync(int limit, CancellationToken ct)
        {
            var broadcasts = await db.Broadcasts.AsNoTracking().OrderByDescending(b => b.Id).Take(limit).ToListAsync(ct);
            var ids = broadcasts.Select(b => b.Id).ToList();
            var counts = await db.BroadcastRecipients.AsNoTracking().Where(r => ids.Contains(r.BroadcastId))
                .GroupBy(r => new { r.BroadcastId, r.Status }).Select(g => new { g.Key.BroadcastId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct);
            int Of(int id, RecipientStatus status) => counts.Where(c => c.BroadcastId == id && c.Status == status).Sum(c => c.Count);
            return broadcasts.Select(b => new Item(
                b.Id, b.CreatedUtc, b.CreatedBy, b.Audience == AudienceKind.Inactive ? Audience.InactiveFor(b.InactiveDays ?? 0) : new Audience(b.Audience),
                b.Text, b.Status, b.Total, Of(b.Id, RecipientStatus.Sent), Of(b.Id, RecipientStatus.Blocked), Of(b.Id, RecipientStatus.Failed))).ToList();
        }
    }
}
