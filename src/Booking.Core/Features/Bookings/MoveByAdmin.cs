using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>
/// A3: an admin moves a client's booking. The checks are a client's move (C7) without the client's change window
/// and minimum notice: the business may move a visit that is soon, but never into the past, outside the hours or
/// onto other busy time.
/// </summary>
public static class MoveByAdmin
{
    public sealed record Request(long AdminId, int BookingId, DateTime NewStartUtc);

    public enum Outcome
    {
        Moved = 0,
        NotFound = 1,

        /// <summary>Already cancelled, completed or marked no-show.</summary>
        NotActive = 2,

        /// <summary>The visit has begun; it is marked, not moved.</summary>
        AlreadyStarted = 3,

        /// <summary>The new time cannot be taken now; <see cref="Result.Check"/> says why.</summary>
        SlotUnavailable = 4,
        SameTime = 5,
    }

    /// <param name="Client">Who to tell, with their language; null only when nothing was found.</param>
    public sealed record Result(
        Outcome Outcome, Domain.Booking? Booking = null, Client? Client = null, DateTime? PreviousStartUtc = null, SlotCheck Check = SlotCheck.Free);

    public sealed class Handler(BookingDb db, ScheduleReader reader, WriteGate gate, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            var nowUtc = clock.GetUtcNow().UtcDateTime;
            await using var write = await gate.BeginAsync(ct);
            var booking = await db.Bookings.Include(b => b.Service).Include(b => b.Notifications).Include(b => b.Client)
                .SingleOrDefaultAsync(b => b.Id == request.BookingId, ct);
            if (booking is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (!booking.IsActive || booking.StartUtc <= nowUtc)
            {
                return new Result(booking.IsActive ? Outcome.AlreadyStarted : Outcome.NotActive, booking, booking.Client);
            }

            if (booking.StartUtc == request.NewStartUtc)
            {
                return new Result(Outcome.SameTime, booking, booking.Client);
            }

            var schedule = await reader.ReadAroundAsync(request.NewStartUtc, booking.Id, ct);
            var check = schedule.Check(RulesFor(schedule, booking), request.NewStartUtc);
            if (check != SlotCheck.Free)
            {
                return new Result(Outcome.SlotUnavailable, booking, booking.Client, Check: check);
            }

            var previous = booking.StartUtc;
            booking.MoveTo(request.NewStartUtc, Actor.Admin, request.AdminId, NotificationPlan.From(schedule.Settings), nowUtc);
            audit.Record(request.AdminId, "booking.move", $"booking:{booking.Id}", new { start = previous }, new { start = booking.StartUtc });
            return await write.TrySaveAndCommitAsync(ct)
                ? new Result(Outcome.Moved, booking, booking.Client, previous)
                : new Result(Outcome.SlotUnavailable, Check: SlotCheck.Taken);
        }
    }

    /// <summary>The booking's own duration on an admin's grid for its service (<see cref="Schedule.AdminRulesFor"/>).</summary>
    public static Scheduling.SlotRules RulesFor(Schedule schedule, Domain.Booking booking) =>
        schedule.AdminRulesFor(booking.Service!) with { DurationMinutes = booking.DurationMinutes };
}
