using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Waitlist;

/// <summary>
/// X4: takes the waitlist offers that are due and marks them as being sent, in one write transaction, as reminders are
/// claimed (<see cref="ClaimDueNotifications"/>). Each is checked against the day as it is now: an offer whose freed time
/// is gone again — or that its client could not use — is skipped, never sent. Waits for days that have ended expire here.
/// </summary>
public static class ClaimWaitlistOffers
{
    /// <summary>How many free times one offer shows as buttons.</summary>
    public const int MaxTimes = 9;

    public sealed record Due(
        int Id, int WaitId, long ClientId, string Language, int ServiceId, string ServiceName, DateOnly Date, IReadOnlyList<DateTime> FreeStartsUtc);

    public sealed class Handler(BookingDb db, WriteGate gate, ScheduleReader reader, TimeProvider clock)
    {
        private readonly Dictionary<DateOnly, Schedule> _days = [];

        public async Task<IReadOnlyList<Due>> ClaimAsync(int max, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            await ExpireAsync(nowUtc, ct);
            var claimed = new List<Due>();
            while (claimed.Count < max)
            {
                var candidates = await DueQuery(nowUtc).Take(max - claimed.Count).ToListAsync(ct);
                if (candidates.Count == 0)
                {
                    break;
                }

                foreach (var offer in candidates)
                {
                    var (free, reason) = await JudgeAsync(offer, claimed, nowUtc, ct);
                    if (reason is not null)
                    {
                        offer.Skip(reason);
                        continue;
                    }

                    offer.Claim(nowUtc, ClaimDueNotifications.Lease);
                    var wait = offer.Entry!;
                    claimed.Add(new Due(offer.Id, wait.Id, wait.ClientId, wait.Client!.Language, wait.ServiceId, wait.Service!.Name, wait.Date, free));
                }

                await db.SaveChangesAsync(ct);
            }

            await write.CommitAsync(ct);
            return claimed;
        }

        /// <summary>Waits for days that have ended are closed, with any offer still queued for them.</summary>
        private async Task ExpireAsync(DateTime nowUtc, CancellationToken ct)
        {
            var ended = await db.WaitlistEntries.WithOpenOffers()
                .Where(e => e.Status == WaitStatus.Waiting && e.DayEndUtc <= nowUtc)
                .ToListAsync(ct);
            foreach (var wait in ended)
            {
                wait.Close(WaitStatus.Expired, nowUtc);
            }

            // Saved before the due offers are read, so the ones just dropped are not read as due.
            await db.SaveChangesAsync(ct);
        }

        /// <summary>First due first; among offers of one moment, whoever joined the waitlist first is told first.</summary>
        private IQueryable<WaitlistOffer> DueQuery(DateTime nowUtc) => db.WaitlistOffers
            .Include(o => o.Entry!).ThenInclude(e => e.Client)
            .Include(o => o.Entry!).ThenInclude(e => e.Service)
            .Where(o => (o.Status == NotificationStatus.Pending && o.DueUtc <= nowUtc)
                || (o.Status == NotificationStatus.Sending && o.LeaseUntilUtc <= nowUtc))
            .OrderBy(o => o.DueUtc).ThenBy(o => o.Entry!.CreatedUtc);

        /// <summary>The free times to offer, or why the offer is not sent.</summary>
        private async Task<(IReadOnlyList<DateTime> Free, string? Reason)> JudgeAsync(
            WaitlistOffer offer, List<Due> claimed, DateTime nowUtc, CancellationToken ct)
        {
            var wait = offer.Entry!;
            string? reason = null;
            if (!wait.IsWaiting || wait.DayEndUtc <= nowUtc)
            {
                reason = "the wait has ended";
            }
            else if (claimed.Any(c => c.WaitId == wait.Id))
            {
                reason = "another offer for the same wait goes out now";
            }
            else if (wait.Client!.IsBlocked)
            {
                reason = "the client blocked the bot";
            }
            else if (!wait.Service!.IsBookable)
            {
                reason = "the service is no longer offered";
            }

            if (reason is not null)
            {
                return ([], reason);
            }

            var schedule = await DayAsync(wait.Date, ct);
            if (await ActiveBookings.CountAsync(db, wait.ClientId, nowUtc, ct) >= schedule.Settings.MaxActiveBookings)
            {
                return ([], "the client is at the booking limit");
            }

            var free = schedule.SlotsFor(wait.Service!, wait.Date).Where(s => s.IsFree).Select(s => s.StartUtc).Take(MaxTimes).ToList();
            return free.Count == 0 ? ([], "nothing is free any more") : (free, null);
        }

        private async Task<Schedule> DayAsync(DateOnly date, CancellationToken ct)
        {
            if (!_days.TryGetValue(date, out var schedule))
            {
                _days[date] = schedule = await reader.ReadAsync(date, date, null, ct);
            }

            return schedule;
        }
    }
}

/// <summary>Records what happened to a claimed waitlist offer.</summary>
public sealed class WaitlistOfferOutcomes(BookingDb db, TimeProvider clock) : OutboxOutcomes<WaitlistOffer>(db, clock);
