using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Broadcasts;

/// <summary>
/// Records what happened to each claimed copy, reports progress and closes finished broadcasts. Counts are always
/// read from the recipients' statuses, so a copy retried after flood control is counted once, whatever happened.
/// </summary>
public sealed class BroadcastOutcomes(BookingDb db, WriteGate gate, TimeProvider clock)
{
    public sealed record Progress(
        int BroadcastId, long CreatedBy, string Language, int? ProgressMessageId, int Total, int Sent, int Blocked, int Failed)
    {
        public int Done => Sent + Blocked + Failed;
    }

    public Task SentAsync(int recipientId, CancellationToken ct) => UpdateAsync(recipientId, r => r.MarkSent(Now), ct);

    public Task BlockedAsync(int recipientId, CancellationToken ct) => UpdateAsync(recipientId, r => r.MarkBlocked(), ct);

    public Task FailedAsync(int recipientId, string error, bool final, CancellationToken ct) =>
        UpdateAsync(recipientId, r => r.MarkFailed(error, final, Now), ct);

    public Task PostponeAsync(int recipientId, TimeSpan wait, CancellationToken ct) => UpdateAsync(recipientId, r => r.Postpone(Now + wait), ct);

    /// <summary>Claims that were never tried go back to the queue, so a restart picks them up at once.</summary>
    public async Task ReleaseAsync(IReadOnlyCollection<int> recipientIds, CancellationToken ct)
    {
        var rows = await db.BroadcastRecipients.Where(r => recipientIds.Contains(r.Id)).ToListAsync(ct);
        rows.ForEach(r => r.Release());
        await db.SaveChangesAsync(ct);
    }

    public async Task<Progress?> ProgressAsync(int broadcastId, CancellationToken ct)
    {
        var b = await db.Broadcasts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == broadcastId, ct);
        if (b is null)
        {
            return null;
        }

        var counts = await CountsAsync(broadcastId, ct);
        return new Progress(b.Id, b.CreatedBy, await LanguageOfAsync(b.CreatedBy, ct), b.ProgressMessageId, b.Total, counts.Sent, counts.Blocked, counts.Failed);
    }

    /// <summary>
    /// Marks done every running broadcast with nothing left to send, in one write transaction, and returns them:
    /// only the sender that closes a broadcast reports it.
    /// </summary>
    public async Task<IReadOnlyList<Progress>> FinishCompletedAsync(CancellationToken ct)
    {
        await using var write = await gate.BeginAsync(ct);
        var finished = await db.Broadcasts
            .Where(b => b.Status == BroadcastStatus.Sending && !db.BroadcastRecipients.Any(r =>
                r.BroadcastId == b.Id && (r.Status == RecipientStatus.Pending || r.Status == RecipientStatus.Sending)))
            .ToListAsync(ct);
        var reports = new List<Progress>();
        foreach (var b in finished)
        {
            var counts = await CountsAsync(b.Id, ct);
            b.Finish(counts.Sent, counts.Blocked, counts.Failed, Now);
            reports.Add(new Progress(b.Id, b.CreatedBy, await LanguageOfAsync(b.CreatedBy, ct), b.ProgressMessageId, b.Total, counts.Sent, counts.Blocked, counts.Failed));
        }

        await db.SaveChangesAsync(ct);
        await write.CommitAsync(ct);
        return reports;
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The admin who sent it reads progress and the report in their own language.</summary>
    private async Task<string> LanguageOfAsync(long adminId, CancellationToken ct) =>
        await db.Clients.Where(c => c.Id == adminId).Select(c => c.Language).FirstOrDefaultAsync(ct) ?? Languages.Default;

    private async Task<(int Sent, int Blocked, int Failed)> CountsAsync(int broadcastId, CancellationToken ct)
    {
        var byStatus = await db.BroadcastRecipients.Where(r => r.BroadcastId == broadcastId)
            .GroupBy(r => r.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        int Of(RecipientStatus s) => byStatus.GetValueOrDefault(s);
        return (Of(RecipientStatus.Sent), Of(RecipientStatus.Blocked), Of(RecipientStatus.Failed));
    }

    private async Task UpdateAsync(int recipientId, Action<BroadcastRecipient> change, CancellationToken ct)
    {
        var r = await db.BroadcastRecipients.SingleAsync(x => x.Id == recipientId, ct);
        change(r);
        await db.SaveChangesAsync(ct);
    }
}
