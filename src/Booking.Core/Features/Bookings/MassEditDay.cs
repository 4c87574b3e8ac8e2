using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>
/// A8: one change to a whole day's upcoming bookings — shift them all by N minutes, give selected ones another
/// service, or cancel them all. Every booking is checked first (working hours, the past, other bookings and
/// blocks); if any one fails, nothing changes. History and one audit entry are written with the change.
/// </summary>
public static class MassEditDay
{
    public abstract record Operation;

    public sealed record Shift(int Minutes) : Operation;

    /// <summary>Null <paramref name="BookingIds"/> means every upcoming booking of the day.</summary>
    public sealed record ChangeService(int ServiceId, IReadOnlyCollection<int>? BookingIds) : Operation;

    public sealed record CancelAll(string? Reason) : Operation;

    public enum Problem
    {
        OutsideHours = 0,
        InPast = 1,
        Overlaps = 2,
        ServiceUnavailable = 3,
    }

    public sealed record Conflict(int BookingId, DateTime StartUtc, Problem Problem);

    /// <summary>Bookings changed, with their start before the change (for telling the clients).</summary>
    public sealed record Changed(Domain.Booking Booking, DateTime PreviousStartUtc);

    public sealed record Result(IReadOnlyList<Changed> Changed, IReadOnlyList<Conflict> Conflicts)
    {
        public bool Applied => Conflicts.Count == 0 && Changed.Count > 0;
    }

    public const int MaxShiftMinutes = 12 * 60;

    public sealed class Handler(BookingDb db, WriteGate gate, ScheduleReader reader, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(long adminId, DateOnly date, Operation operation, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var schedule = await reader.ReadAsync(date.AddDays(-1), date.AddDays(1), null, ct);
            var day = LocalTime.DayBounds(date, schedule.Zone);
            var bookings = await db.Bookings.Include(b => b.Service).Include(b => b.Notifications)
                .Where(b => b.Status == BookingStatus.Confirmed && b.StartUtc >= day.StartUtc && b.StartUtc < day.EndUtc && b.StartUtc > nowUtc)
                .OrderBy(b => b.StartUtc)
                .ToListAsync(ct);
            if (bookings.Count == 0)
            {
                return new Result([], []);
            }

            var before = bookings.Select(b => new { b.Id, b.StartUtc, b.ServiceId }).ToList();
            var changed = operation switch
            {
                Shift s => await ShiftAsync(bookings, s.Minutes, schedule, adminId, nowUtc, ct),
                ChangeService c => await ChangeServiceAsync(bookings, c, schedule, adminId, nowUtc, ct),
                CancelAll c => Cancel(bookings, c.Reason, adminId, nowUtc),
                _ => throw new ArgumentOutOfRangeException(nameof(operation)),
            };
            if (changed.Conflicts.Count > 0 || changed.Changed.Count == 0)
            {
                return changed; // the transaction is rolled back and nothing tracked is saved
            }

            audit.Record(adminId, ActionOf(operation), $"date:{date:yyyy-MM-dd}", before,
                changed.Changed.Select(c => new { c.Booking.Id, c.Booking.StartUtc, c.Booking.ServiceId, Status = c.Booking.Status.ToString() }));
            await write.DeferOverlapCheckAsync(ct);
            return await write.TrySaveAndCommitAsync(ct)
                ? changed
                : new Result([], changed.Changed.Select(c => new Conflict(c.Booking.Id, c.Booking.StartUtc, Problem.Overlaps)).ToList());
        }

        private async Task<Result> ShiftAsync(List<Domain.Booking> bookings, int minutes, Schedule schedule, long adminId, DateTime nowUtc, CancellationToken ct)
        {
            var moved = bookings.Select(b => (Booking: b, Interval: new Interval(b.StartUtc.AddMinutes(minutes), b.EndUtc.AddMinutes(minutes)))).ToList();
            var conflicts = await CheckAsync(moved, schedule, nowUtc, ct);
            if (conflicts.Count > 0 || minutes == 0 || Math.Abs(minutes) > MaxShiftMinutes)
            {
                return new Result([], conflicts);
            }

            var plan = NotificationPlan.From(schedule.Settings);
            var changed = moved.Select(m =>
            {
                var previous = m.Booking.StartUtc;
                m.Booking.MoveTo(m.Interval.StartUtc, Actor.Admin, adminId, plan, nowUtc);
                return new Changed(m.Booking, previous);
            }).ToList();
            return new Result(changed, []);
        }

        private async Task<Result> ChangeServiceAsync(
            List<Domain.Booking> bookings, ChangeService change, Schedule schedule, long adminId, DateTime nowUtc, CancellationToken ct)
        {
            var service = await db.Services.SingleOrDefaultAsync(s => s.Id == change.ServiceId, ct);
            var selected = bookings.Where(b => change.BookingIds is null || change.BookingIds.Contains(b.Id)).ToList();
            if (service is not { IsActive: true, IsDeleted: false })
            {
                return new Result([], selected.Select(b => new Conflict(b.Id, b.StartUtc, Problem.ServiceUnavailable)).ToList());
            }

            var proposed = bookings.Select(b => (Booking: b, Interval: selected.Contains(b)
                ? new Interval(b.StartUtc, b.StartUtc.AddMinutes(service.DurationMinutes))
                : b.Interval)).ToList();
            var conflicts = await CheckAsync(proposed, schedule, nowUtc, ct);
            if (conflicts.Count > 0)
            {
                return new Result([], conflicts);
            }

            var plan = NotificationPlan.From(schedule.Settings);
            foreach (var b in selected)
            {
                b.ChangeService(service, Actor.Admin, adminId, plan, nowUtc);
            }

            return new Result(selected.Select(b => new Changed(b, b.StartUtc)).ToList(), []);
        }

        private static Result Cancel(List<Domain.Booking> bookings, string? reason, long adminId, DateTime nowUtc)
        {
            foreach (var b in bookings)
            {
                b.Cancel(Actor.Admin, adminId, reason, nowUtc);
            }

            return new Result(bookings.Select(b => new Changed(b, b.StartUtc)).ToList(), []);
        }

        /// <summary>Each proposed interval against hours, the past, the day's other proposals, other bookings and blocks.</summary>
        private async Task<List<Conflict>> CheckAsync(
            List<(Domain.Booking Booking, Interval Interval)> proposed, Schedule schedule, DateTime nowUtc, CancellationToken ct)
        {
            var ids = proposed.Select(p => p.Booking.Id).ToList();
            var from = proposed.Min(p => p.Interval.StartUtc).AddDays(-1);
            var to = proposed.Max(p => p.Interval.EndUtc).AddDays(1);
            var others = await db.Bookings.AsNoTracking()
                .Where(b => (b.Status == BookingStatus.Confirmed || b.Status == BookingStatus.AwaitingPayment) && !ids.Contains(b.Id) && b.StartUtc < to && b.EndUtc > from)
                .Select(b => new Interval(b.StartUtc, b.EndUtc)).ToListAsync(ct);
            var blocks = await db.Blocks.AsNoTracking().Where(b => b.StartUtc < to && b.EndUtc > from)
                .Select(b => new Interval(b.StartUtc, b.EndUtc)).ToListAsync(ct);
            var busy = others.Concat(blocks).ToList();

            var conflicts = new List<Conflict>();
            foreach (var (booking, interval) in proposed)
            {
                Problem? problem = interval.StartUtc <= nowUtc ? Problem.InPast
                    : !WithinHours(interval, schedule) ? Problem.OutsideHours
                    : busy.Any(i => i.Overlaps(interval)) || proposed.Any(p => p.Booking != booking && p.Interval.Overlaps(interval)) ? Problem.Overlaps
                    : null;
                if (problem is { } p)
                {
                    conflicts.Add(new Conflict(booking.Id, booking.StartUtc, p));
                }
            }

            return conflicts;
        }

        private static bool WithinHours(Interval interval, Schedule schedule)
        {
            var date = DateOnly.FromDateTime(LocalTime.ToLocal(interval.StartUtc, schedule.Zone));
            return schedule.HoursOn(date) is { } hours
                && interval.StartUtc >= LocalTime.ToUtc(date, hours.Opens, schedule.Zone)
                && interval.EndUtc <= LocalTime.ToUtc(date, hours.Closes, schedule.Zone);
        }

        private static string ActionOf(Operation operation) => operation switch
        {
            Shift => "booking.mass_shift",
            ChangeService => "booking.mass_service",
            _ => "booking.mass_cancel",
        };
    }
}
