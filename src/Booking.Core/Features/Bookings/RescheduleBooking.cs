using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>C7: a client moves their booking; its own interval does not count against the new slot.</summary>
public static class RescheduleBooking
{
    public sealed record Request(long ClientId, int BookingId, DateTime NewStartUtc);

    public enum Outcome
    {
        Moved = 0,
        NotFound = 1,
        NotActive = 2,
        TooLate = 3,

        /// <summary>The new slot cannot be taken now; <see cref="Result.Check"/> says why.</summary>
        SlotUnavailable = 4,
        SameTime = 5,
    }

    public sealed record Result(
        Outcome Outcome, Domain.Booking? Booking = null, DateTime? PreviousStartUtc = null, int WindowHours = 0, SlotCheck Check = SlotCheck.Free);

    public sealed class Handler(BookingDb db, ScheduleReader reader, WriteGate gate, ChangeWindow window, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var booking = await db.Bookings.Include(b => b.Service).Include(b => b.Notifications)
                .SingleOrDefaultAsync(b => b.Id == request.BookingId && b.ClientId == request.ClientId, ct);
            if (booking is null)
            {
                return new Result(Outcome.NotFound);
            }

            if (!booking.IsActive)
            {
                return new Result(Outcome.NotActive, booking);
            }

            var (open, hours) = await window.IsOpenAsync(booking, ct);
            if (!open)
            {
                return new Result(Outcome.TooLate, booking, WindowHours: hours);
            }

            if (booking.StartUtc == request.NewStartUtc)
            {
                return new Result(Outcome.SameTime, booking);
            }

            var schedule = await reader.ReadAroundAsync(request.NewStartUtc, booking.Id, ct);
            var rules = schedule.RulesFor(booking.Service!) with { DurationMinutes = booking.DurationMinutes };
            var check = schedule.Check(rules, request.NewStartUtc);
            if (check != SlotCheck.Free)
            {
                return new Result(Outcome.SlotUnavailable, booking, Check: check);
            }

            var previous = booking.StartUtc;
            booking.MoveTo(request.NewStartUtc, Actor.Client, request.ClientId, NotificationPlan.From(schedule.Settings), clock.GetUtcNow().UtcDateTime);
            return await write.TrySaveAndCommitAsync(ct)
                ? new Result(Outcome.Moved, booking, previous)
                : new Result(Outcome.SlotUnavailable, Check: SlotCheck.Taken);
        }
    }
}
