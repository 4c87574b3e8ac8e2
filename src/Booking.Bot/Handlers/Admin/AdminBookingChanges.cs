using Booking.Core.Features.Bookings;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A3 and X1: an admin cancels or moves a client's booking and the client is told, in their language, exactly the
/// same way whether the admin tapped in Telegram or clicked in the web panel. Both call this one service.
/// </summary>
public sealed class AdminBookingChanges(
    CancelByAdmin.Handler cancel, MoveByAdmin.Handler move, BookByAdmin.Handler book, ClientNotices notices, CalendarFile calendar, AdminNotifier admins)
{
    /// <param name="ClientTold">False when the booking was made but the client could not be reached.</param>
    public sealed record Booked(BookByAdmin.Result Result, bool ClientTold);

    /// <param name="ClientTold">False when the booking changed but the client could not be reached.</param>
    public sealed record Cancelled(CancelByAdmin.Result Result, bool ClientTold);

    /// <param name="ClientTold">False when the booking moved but the client could not be reached.</param>
    public sealed record Moved(MoveByAdmin.Result Result, bool ClientTold);

    public async Task<Cancelled> CancelAsync(long adminId, int bookingId, string? reason, CancellationToken ct)
    {
        var result = await cancel.HandleAsync(new CancelByAdmin.Request(adminId, bookingId, reason), ct);
        if (result.Outcome != CancelByAdmin.Outcome.Cancelled)
        {
            return new Cancelled(result, false);
        }

        var b = result.Booking!;
        var told = await notices.TellCancelledAsync(result.Client!.Id, b.ServiceId, (t, f) => BookingWizard.Lines(
            t.Format("schedule.client_cancelled", ("service", b.Service?.Name), ("date", f.Date(b.StartUtc)), ("time", f.Time(b.StartUtc))),
            b.CancelReason is { } why ? t.Format("schedule.client_cancelled_reason", ("reason", why)) : null,
            t["schedule.client_cancelled_sorry"]), ct);
        return new Cancelled(result, told);
    }

    /// <summary>Books for a client (a phone call, a visit in person) and tells them, with the calendar file.</summary>
    public async Task<Booked> BookAsync(long adminId, long clientId, int serviceId, DateTime startUtc, CancellationToken ct)
    {
        var result = await book.HandleAsync(new BookByAdmin.Request(adminId, clientId, serviceId, startUtc), ct);
        if (result.Outcome != BookByAdmin.Outcome.Booked)
        {
            return new Booked(result, false);
        }

        var b = result.Booking!;
        var told = await calendar.TellChangedAsync(clientId, b.Id, (t, f) => t.Format("schedule.client_booked", ("service", b.Service?.Name),
            ("date", f.Date(b.StartUtc)), ("time", f.Time(b.StartUtc)), ("duration", f.Duration(b.DurationMinutes)), ("price", f.Price(b.Price, b.Currency))), ct);

        // Every new booking reaches the admins (C5); the one who made it knows already.
        await admins.NotifyOthersAsync(adminId, "admin.booked_by_admin", result.Client!, b.Service?.Name, b.StartUtc, ct);
        return new Booked(result, told);
    }

    public async Task<Moved> MoveAsync(long adminId, int bookingId, DateTime newStartUtc, CancellationToken ct)
    {
        var result = await move.HandleAsync(new MoveByAdmin.Request(adminId, bookingId, newStartUtc), ct);
        if (result.Outcome != MoveByAdmin.Outcome.Moved)
        {
            return new Moved(result, false);
        }

        var b = result.Booking!;
        var told = await calendar.TellChangedAsync(result.Client!.Id, b.Id, (t, f) => t.Format("schedule.client_moved", ("service", b.Service?.Name),
            ("old", f.DateTime(result.PreviousStartUtc!.Value)), ("new", f.DateTime(b.StartUtc))), ct);
        return new Moved(result, told);
    }
}
