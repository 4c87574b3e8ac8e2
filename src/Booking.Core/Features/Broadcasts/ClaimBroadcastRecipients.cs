using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Broadcasts;

/// <summary>
/// A7: takes the next recipients of running broadcasts and marks them as being sent, in one write transaction,
/// before anything is sent — so two senders never take the same client, and after a crash only a copy whose
/// lease ran out can go again. Clients who blocked the bot since the broadcast was created are marked, not claimed.
/// </summary>
public static class ClaimBroadcastRecipients
{
    /// <summary>Long enough for a batch held up by flood control; a sender that died lets its claims go after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    public sealed record Claimed(int Id, int BroadcastId, long ClientId, string Text);

    public sealed class Handler(BookingDb db, WriteGate gate, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Claimed>> ClaimAsync(int max, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var claimed = new List<Claimed>();
            while (claimed.Count < max)
            {
                var candidates = await (
                        from r in db.BroadcastRecipients
                        join b in db.Broadcasts on r.BroadcastId equals b.Id
                        join c in db.Clients on r.ClientId equals c.Id
                        where b.Status == BroadcastStatus.Sending
                            && (r.Status == RecipientStatus.Pending || (r.Status == RecipientStatus.Sending && r.LeaseUntilUtc <= nowUtc))
                        orderby r.BroadcastId, r.Id
                        select new { Recipient = r, b.Text, c.IsBlocked })
                    .Take(max - claimed.Count)
                    .ToListAsync(ct);
                if (candidates.Count == 0)
                {
                    break;
                }

                foreach (var x in candidates)
                {
                    if (x.IsBlocked)
                    {
                        x.Recipient.MarkBlocked();
                        continue;
                    }

                    x.Recipient.Claim(nowUtc, Lease);
                    claimed.Add(new Claimed(x.Recipient.Id, x.Recipient.BroadcastId, x.Recipient.ClientId, x.Text));
                }

                await db.SaveChangesAsync(ct);
            }

            await write.CommitAsync(ct);
            return claimed;
        }

        /// <summary>
        /// When the first copy held back (by flood control, an error, or another sender's claim) becomes due again;
        /// null when no running broadcast has one.
        /// </summary>
        public async Task<DateTime?> NextDueAsync(CancellationToken ct) => await (
                from r in db.BroadcastRecipients
                join b in db.Broadcasts on r.BroadcastId equals b.Id
                where b.Status == BroadcastStatus.Sending && r.Status == RecipientStatus.Sending
                orderby r.LeaseUntilUtc
                select r.LeaseUntilUtc)
            .FirstOrDefaultAsync(ct);
    }
}
