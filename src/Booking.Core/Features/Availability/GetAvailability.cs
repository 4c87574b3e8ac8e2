using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Availability;

/// <summary>
/// C3/C4: the month calendar with load colours and the slot grid of a day, for a service — or, when
/// rescheduling, for one booking's duration with its own interval ignored.
/// </summary>
public static class GetAvailability
{
    /// <summary>What is being placed: a service to book, or an existing booking to move.</summary>
    /// <param name="ByAdmin">
    /// An admin's move (A3): any client's booking, and no minimum notice — only times already past are not offered.
    /// </param>
    public sealed record Subject(int ServiceId, int? BookingId = null, long? ClientId = null, bool ByAdmin = false)
    {
        public static Subject AdminMove(int bookingId) => new(0, bookingId, null, ByAdmin: true);
    }

    /// <param name="WaitlistOpen">Whether a full day offers its waitlist (X4); the business may turn it off.</param>
    public sealed record Month(
        Service Service, DateOnly FirstDay, IReadOnlyDictionary<DateOnly, DayLoad> Days, bool HasPrevious, bool HasNext, DateOnly Today, bool WaitlistOpen);

    public sealed record Day(Service Service, DateOnly Date, IReadOnlyList<Slot> Slots, TimeZoneInfo Zone, int DurationMinutes);

    public sealed class Handler(BookingDb db, ScheduleReader reader)
    {
        /// <summary>Null when the service cannot be booked (or the booking cannot be moved) any more.</summary>
        public async Task<Month?> MonthAsync(Subject subject, int year, int month, CancellationToken ct)
        {
            var target = await TargetAsync(subject, ct);
            if (target is null)
            {
                return null;
            }

            var settings = await reader.SettingsAsync(ct);
            var zone = await reader.ZoneAsync(ct);
            var probe = new Schedule(settings, zone, new WeekSchedule([], []), NowUtc(), []);
            var first = ClampMonth(new DateOnly(year, month, 1), probe);
            var last = first.AddMonths(1).AddDays(-1);
            var schedule = await reader.ReadAsync(first, last, subject.BookingId, ct);
            var rules = RulesOf(schedule, target.Value, subject);
            var days = new Dictionary<DateOnly, DayLoad>();
            for (var date = first; date <= last; date = date.AddDays(1))
            {
                days[date] = schedule.LoadOf(rules, date);
            }

            return new Month(target.Value.Service, first, days, first > schedule.FirstMonth, first < schedule.LastMonth, schedule.Today, settings.WaitlistOpen);
        }

        public async Task<Day?> DayAsync(Subject subject, DateOnly date, CancellationToken ct)
        {
            var target = await TargetAsync(subject, ct);
            if (target is null)
            {
                return null;
            }

            var schedule = await reader.ReadAsync(date, date, subject.BookingId, ct);
            var rules = RulesOf(schedule, target.Value, subject);
            return new Day(target.Value.Service, date, schedule.SlotsFor(rules, date), schedule.Zone, rules.DurationMinutes);
        }

        private static SlotRules RulesOf(Schedule schedule, (Service Service, int? Duration) target, Subject subject)
        {
            var rules = subject.ByAdmin ? schedule.AdminRulesFor(target.Service) : schedule.RulesFor(target.Service);
            return rules with { DurationMinutes = target.Duration ?? target.Service.DurationMinutes };
        }

        private static DateOnly ClampMonth(DateOnly month, Schedule schedule) =>
            month < schedule.FirstMonth ? schedule.FirstMonth : month > schedule.LastMonth ? schedule.LastMonth : month;

        private DateTime NowUtc() => reader.NowUtc;

        private async Task<(Service Service, int? Duration)?> TargetAsync(Subject subject, CancellationToken ct)
        {
            if (subject.BookingId is { } bookingId)
            {
                var booking = await db.Bookings.AsNoTracking().Include(b => b.Service)
                    .SingleOrDefaultAsync(b => b.Id == bookingId && (subject.ByAdmin || b.ClientId == subject.ClientId), ct);
                return booking is { IsActive: true, Service: { } s } ? (s, booking.DurationMinutes) : null;
            }

            var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == subject.ServiceId, ct);
            return service is { IsBookable: true } ? (service, null) : null;
        }
    }
}
