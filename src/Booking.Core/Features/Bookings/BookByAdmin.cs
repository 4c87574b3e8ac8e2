using Booking.Core.Data;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Availability;
using Microsoft.EntityFrameworkCore;

namespace Booking.Core.Features.Bookings;

/// <summary>
/// A3: an admin books a visit for a client who called or wrote some other way. The checks are a client's booking (C5)
/// without the client's own limits: no minimum notice and no cap on active bookings, but never in the past, outside
/// the hours or onto busy time (P3 holds as for every booking). No deposit is asked: the business decided.
/// </summary>
public static class BookByAdmin
{
    public sealed record Request(long AdminId, long ClientId, int ServiceId, DateTime StartUtc);

    public enum Outcome
    {
        Booked = 0,

        /// <summary>No such client, or one who deleted their data (C11).</summary>
        ClientNotFound = 1,
        ServiceUnavailable = 2,

        /// <summary>The time cannot be booked now; <see cref="Result.Check"/> says why.</summary>
        SlotUnavailable = 3,

        /// <summary>The same client already has this very booking: a repeated confirm, answered with it.</summary>
        AlreadyBooked = 4,
    }

    public sealed record Result(Outcome Outcome, Domain.Booking? Booking = null, Client? Client = null, SlotCheck Check = SlotCheck.Free);

    public sealed class Handler(BookingDb db, ScheduleReader reader, WriteGate gate, AuditLog audit, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Request request, CancellationToken ct)
        {
            await using var write = await gate.BeginAsync(ct);
            var client = await db.Clients.AsNoTracking().SingleOrDefaultAsync(c => c.Id == request.ClientId, ct);
            if (client is null || client.IsErased)
            {
                return new Result(Outcome.ClientNotFound);
            }

            var service = await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == request.ServiceId, ct);
            if (service is not { IsBookable: true })
            {
                return new Result(Outcome.ServiceUnavailable, Client: client);
            }

            var same = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(
                b => b.ClientId == request.ClientId && b.ServiceId == request.ServiceId && b.StartUtc == request.StartUtc && b.Status == BookingStatus.Confirmed, ct);
            if (same is not null)
            {
                return new Result(Outcome.AlreadyBooked, same, client);
            }

            var schedule = await reader.ReadAroundAsync(request.StartUtc, null, ct);
            var check = schedule.Check(schedule.AdminRulesFor(service), request.StartUtc);
            if (check != SlotCheck.Free)
            {
                return new Result(Outcome.SlotUnavailable, Client: client, Check: check);
            }

            var nowUtc = clock.GetUtcNow().UtcDateTime;
            var booking = Domain.Booking.Create(
                request.ClientId, service, request.StartUtc, Actor.Admin, request.AdminId, NotificationPlan.From(schedule.Settings), nowUtc);
            db.Bookings.Add(booking);

            // Saved first for its id, which the audit row names; the commit keeps the two together.
            if (!await write.TrySaveAsync(ct))
            {
                return new Result(Outcome.SlotUnavailable, Client: client, Check: SlotCheck.Taken);
            }

            audit.Record(request.AdminId, "booking.create", $"booking:{booking.Id}", null,
                new { client = request.ClientId, service = service.Name, start = booking.StartUtc });
            return await write.TrySaveAndCommitAsync(ct)
                ? new Result(Outcome.Booked, booking, client)
                : new Result(Outcome.SlotUnavailable, Client: client, Check: SlotCheck.Taken);
        }
    }
}
