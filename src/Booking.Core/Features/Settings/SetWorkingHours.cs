using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Settings;

/// <summary>
/// A5: the regular hours of one weekday, or that weekday made a day off. Bookings already made on such days
/// stand; only new bookings follow the new hours, from the very next tap.
/// </summary>
public static class SetWorkingHours
{
    /// <param name="Opens">Null, with <paramref name="Closes"/> null, closes the weekday.</param>
    public sealed record Request(long ActorId, DayOfWeek Weekday, TimeOnly? Opens, TimeOnly? Closes)
    {
        public static Request DayOff(long actorId, DayOfWeek weekday) => new(actorId, weekday, null, null);

        public static Request Open(long actorId, DayOfWeek weekday, TimeOnly opens, TimeOnly closes) => new(actorId, weekday, opens, closes);
    }

    public enum Outcome
    {
        Changed = 0,
        Unchanged = 1,
        Invalid = 2,
    }

    public sealed class Handler(BookingDb db, WriteGate gate, AuditLog audit)
    {
        public async Task<Outcome> HandleAsync(Request r, CancellationToken ct)
        {
            var closing = r.Opens is null && r.Closes is null;
            if (!closing && (r.Opens is not { } opens || r.Closes is not { } closes || !WorkingDay.IsValidHours(opens, closes)))
            {
                return Outcome.Invalid;
            }

            await using var write = await gate.BeginAsync(ct);
            var day = await db.WorkingDays.SingleOrDefaultAsync(d => d.Weekday == r.Weekday, ct);
            var before = day is null ? Snapshot(null) : Snapshot(day);
            if (day is null)
            {
                // A weekday without a row is closed; a row is made only when it opens.
                if (closing)
                {
                    return Outcome.Unchanged;
                }

                day = new WorkingDay(r.Weekday, r.Opens!.Value, r.Closes!.Value);
                db.WorkingDays.Add(day);
            }
            else if (closing)
            {
                day.Close();
            }
            else
            {
                day.SetHours(r.Opens!.Value, r.Closes!.Value);
            }

            var after = Snapshot(day);
            if (before == after)
            {
                return Outcome.Unchanged;
            }

            audit.Record(r.ActorId, closing ? "working_day.close" : "working_day.hours", $"weekday:{r.Weekday}", before, after);
            await db.SaveChangesAsync(ct);
            await write.CommitAsync(ct);
            return Outcome.Changed;
        }

        /// <summary>"closed" or "09:00-18:00": readable in the audit log, and equal when nothing changed.</summary>
        private static string Snapshot(WorkingDay? day) =>
            day is { IsOpen: true } ? $"{day.Opens:HH\\:mm}-{day.Closes:HH\\:mm}" : "closed";
    }
}
