using System.Globalization;
using Booking.Core.Domain;
using static Booking.Bot.Callbacks.CallbackFields;

namespace Booking.Bot.Callbacks;

// A3: an admin moves a booking to another day and time. These are admin buttons of their own rather than a third
// kind of wizard Target: they carry the "a:" prefix, so the router's gate checks ManageBookings before any handler,
// and the client's wizard handlers (which check ownership, the change window and the notice) never see them.
internal static class MoveButtons
{
    internal static AdminCallback? Parse(string[] parts) => parts switch
    {
        ["a", "mvm", var id, var ym] when Id(id) is { } b && Month(ym) is { } m => new AdminMoveMonth(b, m),
        ["a", "mvd", var id, var d] when Id(id) is { } b && Day(d) is { } day => new AdminMoveDay(b, day),
        ["a", "mvs", var id, var u] when Id(id) is { } b && Instant(u) is { } at => new AdminMoveSlot(b, at),
        ["a", "mvy", var id, var u] when Id(id) is { } b && Instant(u) is { } at => new AdminMoveConfirm(b, at),
        _ => null,
    };
}

/// <summary>Every step of an admin's move: one permission, one branch in the router.</summary>
public abstract record AdminMoveCallback(int BookingId) : AdminCallback
{
    public sealed override Permission Required => Permission.ManageBookings;
}

/// <summary>The month calendar for the booking's duration, its own interval ignored.</summary>
public sealed record AdminMoveMonth(int BookingId, DateOnly Month) : AdminMoveCallback(BookingId)
{
    public override string Format() => $"a:mvm:{BookingId}:{Month.ToString("yyyyMM", CultureInfo.InvariantCulture)}";
}

public sealed record AdminMoveDay(int BookingId, DateOnly Date) : AdminMoveCallback(BookingId)
{
    public override string Format() => $"a:mvd:{BookingId}:{Stamp(Date)}";
}

/// <summary>A free time was picked: shows the confirmation, changes nothing.</summary>
public sealed record AdminMoveSlot(int BookingId, DateTime StartUtc) : AdminMoveCallback(BookingId)
{
    public override string Format() => $"a:mvs:{BookingId}:{Stamp(StartUtc)}";
}

public sealed record AdminMoveConfirm(int BookingId, DateTime StartUtc) : AdminMoveCallback(BookingId)
{
    public override string Format() => $"a:mvy:{BookingId}:{Stamp(StartUtc)}";
}
