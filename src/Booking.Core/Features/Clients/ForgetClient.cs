using System.Globalization;
using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Admins;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Clients;

/// <summary>
/// C11 (/forgetme): erases what the bot knows about a person, in one write transaction. Bookings still ahead are
/// cancelled (their slots free at once); the past ones, the ratings and the history move to an anonymous stand-in with
/// a negative id, so every dashboard figure stays as it was; review comments are erased, open reminders and review
/// requests dropped, the conversation and the person's own row deleted. Nothing keeps the Telegram id, so the person
/// who writes again is a new client. Admins cannot erase themselves while they are admins (see ADR 0016).
/// </summary>
public static class ForgetClient
{
    public enum Outcome
    {
        Forgotten = 0,

        /// <summary>An admin (owner or added in the bot): they must be removed as an admin first.</summary>
        IsAdmin = 1,

        /// <summary>Nobody with this id, or already forgotten.</summary>
        NotFound = 2,
    }

    public sealed record CancelledVisit(int BookingId, string Service, DateTime StartUtc);

    /// <param name="StandIn">The anonymous record now holding the kept bookings; admins are told about cancellations with it.</param>
    public sealed record Result(Outcome Outcome, Client? StandIn = null, IReadOnlyList<CancelledVisit>? Cancelled = null, int KeptBookings = 0);

    public sealed class Handler(BookingDb db, WriteGate gate, AccessControl access, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(long clientId, CancellationToken ct)
        {
            if (await access.RoleOfAsync(clientId, ct) is not null)
            {
                return new Result(Outcome.IsAdmin);
            }

            await using var write = await gate.BeginAsync(ct);
            var client = await db.Clients.SingleOrDefaultAsync(c => c.Id == clientId, ct);
            if (client is null || client.IsErased)
            {
                return new Result(Outcome.NotFound);
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var standIn = Client.StandInFor(client, await NextStandInIdAsync(ct), nowUtc);
            db.Clients.Add(standIn);
            var (cancelled, kept) = await SettleBookingsAsync(clientId, standIn.Id, nowUtc, ct);
            await EraseTracesAsync(clientId, standIn.Id, ct);
            audit.Record(standIn.Id, "client.forget", Target(standIn.Id), null,
                new { cancelled = cancelled.Count, kept, reviews = await db.Reviews.CountAsync(r => r.ClientId == clientId, ct) });
            await db.SaveChangesAsync(ct);

            // The person's rows are saved and let go of, so only set-based updates touch them from here on.
            foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not Client).ToList())
            {
                entry.State = EntityState.Detached;
            }

            await MoveToStandInAsync(clientId, standIn.Id, ct);
            db.Clients.Remove(client);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return new Result(Outcome.Forgotten, standIn, cancelled, kept);
        }

        /// <summary>Future visits are cancelled; every open reminder or review request of the person is dropped.</summary>
        private async Task<(List<CancelledVisit> Cancelled, int Kept)> SettleBookingsAsync(long clientId, long standInId, DateTime nowUtc, CancellationToken ct)
        {
            var bookings = await db.Bookings.Include(b => b.Notifications).Include(b => b.Service)
                .Where(b => b.ClientId == clientId).OrderBy(b => b.StartUtc).ToListAsync(ct);
            var cancelled = new List<CancelledVisit>();
            foreach (var booking in bookings)
            {
                if (booking.HoldsSlot && booking.StartUtc > nowUtc)
                {
                    booking.Cancel(Actor.Client, standInId, null, nowUtc);
                    cancelled.Add(new CancelledVisit(booking.Id, booking.Service?.Name ?? "—", booking.StartUtc));
                }

                foreach (var notification in booking.Notifications)
                {
                    notification.Cancel();
                }
            }

            return (cancelled, bookings.Count - cancelled.Count);
        }

        /// <summary>Review comments, the conversation, remembered keyboards and the values admins once typed about the person.</summary>
        private async Task EraseTracesAsync(long clientId, long standInId, CancellationToken ct)
        {
            foreach (var review in await db.Reviews.Where(r => r.ClientId == clientId).ToListAsync(ct))
            {
                review.EraseComment();
            }

            var target = Target(clientId);
            foreach (var entry in await db.AuditEntries.Where(a => a.Target == target).ToListAsync(ct))
            {
                entry.Redact(Target(standInId));
            }

            await db.Conversations.Where(c => c.ChatId == clientId).ExecuteDeleteAsync(ct);
            await db.LiveKeyboards.Where(k => k.ChatId == clientId).ExecuteDeleteAsync(ct);
        }

        private async Task MoveToStandInAsync(long clientId, long standInId, CancellationToken ct)
        {
            await db.Bookings.Where(b => b.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(b => b.ClientId, standInId), ct);
            await db.Reviews.Where(r => r.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClientId, standInId), ct);
            await db.BookingHistory.Where(h => h.Actor == Actor.Client && h.ActorId == clientId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.ActorId, standInId), ct);

            // A broadcast still going out skips the person; what was sent stays counted as sent.
            await db.BroadcastRecipients.Where(r => r.ClientId == clientId && (r.Status == RecipientStatus.Pending || r.Status == RecipientStatus.Sending))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Blocked).SetProperty(r => r.LeaseUntilUtc, (DateTime?)null), ct);
            await db.BroadcastRecipients.Where(r => r.ClientId == clientId).ExecuteUpdateAsync(s => s.SetProperty(r => r.ClientId, standInId), ct);
        }

        /// <summary>−1, −2, …: below every id in use, so never a Telegram user's; the write gate makes it unique.</summary>
        private async Task<long> NextStandInIdAsync(CancellationToken ct)
        {
            var lowest = await db.Clients.MinAsync(c => (long?)c.Id, ct) ?? 0;
            return Math.Min(lowest, 0) - 1;
        }
    }

    /// <summary>How the audit log and the field editor name a client.</summary>
    public static string Target(long clientId) => "client:" + clientId.ToString(CultureInfo.InvariantCulture);
}
