using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Waitlist;

/// <summary>X4: a client asks to be told when time frees up for a service on a day that is full.</summary>
public static class JoinWaitlist
{
    public sealed record Request(long ClientId, int ServiceId, DateOnly Date);

    public enum Outcome
    {
        Joined = 0,

        /// <summary>The client already waits for this service on this day: a repeated tap, answered kindly.</summary>
        AlreadyWaiting = 1,

        /// <summary>The day has free time now: the client should simply book it.</summary>
        HasFreeTime = 2,

        /// <summary>Nothing to wait for: past, closed, beyond the horizon, or taken up by blocked time, not by bookings.</summary>
        DayClosed = 3,

        /// <summary>The client already waits on as many days as the business allows (<see cref="BusinessSettings.MaxWaits"/>).</summary>
        LimitReached = 4,
        ServiceUnavailable = 5,

        /// <summary>The business has turned the waitlist off (a limit of 0): a full day is simply full.</summary>
        Off = 6,
    }

    /// <param name="Limit">The business's limit of days per client; set when the limit was what refused.</param>
    public sealed record Result(Outcome Outcome, Service? Service = null, int Limit = 0);

    public sealed class Handler(BookingDb db, ScheduleReader reader, WriteGate gate)
    {
        /// <summary>Judges without writing: used to draw the "join the waitlist?" screen.</summary>
        public Task<Result> CheckAsync(Request request, CancellationToken ct) => JudgeAsync(request, ct);

        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var verdict = await JudgeAsync(request, ct);
            if (verdict.Outcome != Outcome.Joined)
            {
                return verdict;
            }

            var zone = await reader.ZoneAsync(ct);
            db.WaitlistEntries.Add(new WaitlistEntry(request.ClientId, request.ServiceId, request.Date, LocalTime.DayBounds(request.Date, zone), reader.NowUtc));
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return verdict;
        }

        private async Task<Result> JudgeAsync(Request request, CancellationToken ct)
        {
            var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ServiceId, ct);
            if (service is not { IsBookable: true })
            {
                return new Result(Outcome.ServiceUnavailable);
            }

            var nowUtc = reader.NowUtc;
            var waits = await db.WaitlistEntries.AsNoTracking()
                .Where(e => e.ClientId == request.ClientId && e.Status == WaitStatus.Waiting && e.DayEndUtc > nowUtc)
                .Select(e => new { e.ServiceId, e.Date })
                .ToListAsync(ct);
            if (waits.Any(w => w.ServiceId == request.ServiceId && w.Date == request.Date))
            {
                return new Result(Outcome.AlreadyWaiting, service);
            }

            var settings = await reader.SettingsAsync(ct);
            if (!settings.WaitlistOpen)
            {
                return new Result(Outcome.Off, service);
            }

            var day = await DayStateAsync(service, request.Date, ct);
            if (day != Outcome.Joined)
            {
                return new Result(day, service);
            }

            return waits.Count >= settings.MaxWaits ? new Result(Outcome.LimitReached, service, settings.MaxWaits) : new Result(Outcome.Joined, service);
        }

        /// <summary>Joined when the day has slots for the service and bookings hold every one of them.</summary>
        private async Task<Outcome> DayStateAsync(Service service, DateOnly date, CancellationToken ct)
        {
            var schedule = await reader.ReadAsync(date, date, null, ct);
            var slots = schedule.SlotsFor(service, date);
            if (slots.Count == 0)
            {
                return Outcome.DayClosed;
            }

            if (slots.Any(s => s.IsFree))
            {
                return Outcome.HasFreeTime;
            }

            // A day closed by a block (a holiday, a day off) has no bookings left: waiting for it would only disappoint.
            var bounds = LocalTime.DayBounds(date, schedule.Zone);
            var booked = await db.Bookings.AnyAsync(
                b => b.Status == BookingStatus.Confirmed && b.StartUtc < bounds.EndUtc && b.EndUtc > bounds.StartUtc && b.EndUtc > schedule.NowUtc, ct);
            return booked ? Outcome.Joined : Outcome.DayClosed;
        }
    }
}
