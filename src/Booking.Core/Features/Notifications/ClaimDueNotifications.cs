using Booking.Core.Data;
using Booking.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Notifications;

/// <summary>
/// C8/C9: takes the notifications that are due and marks them as being sent, in one write transaction, before
/// anything is sent — so two bot processes never send the same one, and a crash only re-sends after the lease.
/// </summary>
public static class ClaimDueNotifications
{
    /// <summary>How long a claim holds; a sender that died lets it go after this.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>A review request this late is no longer worth sending.</summary>
    public static readonly TimeSpan ReviewRequestExpiry = TimeSpan.FromDays(3);

    public sealed record Due(
        int Id, NotificationKind Kind, int OffsetMinutes, int BookingId, long ClientId, string Language, string ServiceName,
        DateTime StartUtc, DateTime EndUtc, bool AttendanceConfirmed);

    public sealed class Handler(BookingDb db, WriteGate gate, TimeProvider clock)
    {
        public async Task<IReadOnlyList<Due>> ClaimAsync(int max, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var claimed = new List<Due>();
            while (claimed.Count < max)
            {
                var candidates = await DueQuery(nowUtc).Take(max - claimed.Count).ToListAsync(ct);
                if (candidates.Count == 0)
                {
                    break;
                }

                foreach (var n in candidates)
                {
                    if (await WhyNotAsync(n, nowUtc, ct) is { } reason)
                    {
                        n.Skip(reason);
                        continue;
                    }

                    n.Claim(nowUtc, Lease);
                    var b = n.Booking!;
                    claimed.Add(new Due(n.Id, n.Kind, n.OffsetMinutes, b.Id, b.ClientId, b.Client!.Language, b.Service!.Name,
                        b.StartUtc, b.EndUtc, b.AttendanceConfirmedUtc is not null));
                }

                await db.SaveChangesAsync(ct);
            }

            await write.CommitAsync(ct);
            return claimed;
        }

        private IQueryable<Notification> DueQuery(DateTime nowUtc) => db.Notifications
            .Include(n => n.Booking!).ThenInclude(b => b.Client)
            .Include(n => n.Booking!).ThenInclude(b => b.Service)
            .Where(n => (n.Status == NotificationStatus.Pending && n.DueUtc <= nowUtc)
                || (n.Status == NotificationStatus.Sending && n.LeaseUntilUtc <= nowUtc))
            .OrderBy(n => n.DueUtc);

        private async Task<string?> WhyNotAsync(Notification n, DateTime nowUtc, CancellationToken ct)
        {
            var booking = n.Booking!;
            if (booking.Client!.IsBlocked)
            {
                return "the client blocked the bot";
            }

            if (n.Kind == NotificationKind.ReviewRequest)
            {
                return booking.Status is BookingStatus.Confirmed or BookingStatus.Completed
                    ? (nowUtc - n.DueUtc > ReviewRequestExpiry ? "too late to ask for a review" : null)
                    : "the visit did not take place";
            }

            if (booking.Status != BookingStatus.Confirmed || booking.StartUtc <= nowUtc)
            {
                return "the visit has started or is no longer held";
            }

            // After downtime several reminders of one booking can be due at once: send only the latest one.
            var superseded = await db.Notifications.AnyAsync(
                o => o.BookingId == n.BookingId && o.Kind == NotificationKind.Reminder && o.OffsetMinutes < n.OffsetMinutes
                    && o.DueUtc <= nowUtc && (o.Status == NotificationStatus.Pending || o.Status == NotificationStatus.Sending),
                ct);
            return superseded ? "superseded by a later reminder" : null;
        }
    }
}

/// <summary>Records what happened to a claimed message of the outbox.</summary>
public class OutboxOutcomes<T>(BookingDb db, TimeProvider clock)
    where T : OutboxMessage
{
    protected BookingDb Db => db;

    public async Task SentAsync(int id, int? messageId, CancellationToken ct)
    {
        var n = await db.Set<T>().SingleAsync(x => x.Id == id, ct);
        n.MarkSent(messageId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    public async Task FailedAsync(int id, string error, CancellationToken ct)
    {
        var n = await db.Set<T>().SingleAsync(x => x.Id == id, ct);
        n.MarkFailed(error, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Claimed but not sent after all, for the reason given.</summary>
    public async Task SkippedAsync(int id, string reason, CancellationToken ct)
    {
        var n = await db.Set<T>().SingleAsync(x => x.Id == id, ct);
        n.Skip(reason);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Records what happened to a claimed reminder or review request.</summary>
public sealed class NotificationOutcomes(BookingDb db, TimeProvider clock) : OutboxOutcomes<Notification>(db, clock)
{
    /// <summary>The client blocked the bot (403): mark them and drop everything still owed to them.</summary>
    public async Task ClientBlockedAsync(long clientId, CancellationToken ct)
    {
        var client = await Db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, ct);
        client?.MarkBlocked();
        var open = await Db.Notifications
            .Where(n => n.Booking!.ClientId == clientId && (n.Status == NotificationStatus.Pending || n.Status == NotificationStatus.Sending))
            .ToListAsync(ct);
        foreach (var n in open)
        {
            n.Cancel();
        }

        await Db.SaveChangesAsync(ct);
    }
}
