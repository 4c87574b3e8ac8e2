using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Availability;
using Booking.Core.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Settings;

/// <summary>
/// A5: a holiday (the date closed) or special hours for one date, replacing what was set for it before. Bookings
/// already made that day stand; the admin is told how many there are so they can be moved or cancelled.
/// </summary>
public static class SetSpecialDay
{
    /// <param name="Opens">Null, with <paramref name="Closes"/> null, closes the date.</param>
    public sealed record Request(long ActorId, DateOnly Date, TimeOnly? Opens, TimeOnly? Closes, string? Note = null);

    public enum Outcome
    {
        Saved = 0,
        Invalid = 1,

        /// <summary>The date is before today in the business's zone.</summary>
        InPast = 2,
    }

    /// <param name="BookingsThatDay">Confirmed bookings starting on that local date.</param>
    public sealed record Result(Outcome Outcome, int BookingsThatDay = 0);

    public sealed class Handler(BookingDb db, WriteGate gate, ScheduleReader reader, AuditLog audit)
    {
        public async Task<Result> HandleAsync(Request r, CancellationToken ct)
        {
            var wanted = Build(r);
            if (wanted is null)
            {
                return new Result(Outcome.Invalid);
            }

            var zone = await reader.ZoneAsync(ct);
            if (r.Date < DateOnly.FromDateTime(LocalTime.ToLocal(reader.NowUtc, zone)))
            {
                return new Result(Outcome.InPast);
            }

            await using var write = await gate.BeginAsync(ct);
            var existing = await db.SpecialDays.SingleOrDefaultAsync(d => d.Date == r.Date, ct);
            var before = existing is null ? null : Snapshot(existing);
            if (existing is null)
            {
                db.SpecialDays.Add(wanted);
            }
            else
            {
                existing.ChangeTo(wanted);
            }

            audit.Record(r.ActorId, "special_day.set", Target(r.Date), before, Snapshot(wanted));
            await db.SaveChangesAsync(ct);

            var fromUtc = LocalTime.ToUtc(r.Date, TimeOnly.MinValue, zone);
            var toUtc = LocalTime.ToUtc(r.Date.AddDays(1), TimeOnly.MinValue, zone);
            var bookings = await db.Bookings.CountAsync(b => b.Status == BookingStatus.Confirmed && b.StartUtc >= fromUtc && b.StartUtc < toUtc, ct);
            await write.CommitAsync(ct);
            return new Result(Outcome.Saved, bookings);
        }

        private static SpecialDay? Build(Request r)
        {
            if (r.Note is { Length: > SpecialDay.MaxNoteLength })
            {
                return null;
            }

            return (r.Opens, r.Closes) switch
            {
                (null, null) => SpecialDay.Closed(r.Date, r.Note),
                ({ } opens, { } closes) when WorkingDay.IsValidHours(opens, closes) => SpecialDay.SpecialHours(r.Date, opens, closes, r.Note),
                _ => null,
            };
        }
    }

    internal static string Target(DateOnly date) => $"date:{date:yyyy-MM-dd}";

    internal static object Snapshot(SpecialDay d) => new
    {
        hours = d.IsClosed ? "closed" : $"{d.Opens:HH\\:mm}-{d.Closes:HH\\:mm}",
        note = d.Note,
    };
}
