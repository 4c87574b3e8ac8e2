using Booking.Core.Domain;

namespace Booking.Bot.Callbacks;

// A8 mass editing of one day's bookings (moderators and super admins: ManageBookings).

/// <summary>The days to choose from, or one day's bookings and the three operations.</summary>
public sealed record MassEditDayPick(DateOnly? Date) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => Date is { } d ? $"a:me:{Stamp(d)}" : "a:me";
}

/// <summary>Shift by N minutes: first shown for confirmation, then applied.</summary>
public sealed record MassShift(DateOnly Date, int Minutes, bool Apply) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:{(Apply ? "mesy" : "mes")}:{Stamp(Date)}:{Minutes}";
}

/// <summary>Change the service: pick a service (BookingId null), then "all" (0) or one booking, which applies it.</summary>
public sealed record MassService(DateOnly Date, int? ServiceId, int? BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => (ServiceId, BookingId) switch
    {
        (null, _) => $"a:mec:{Stamp(Date)}",
        ({ } s, null) => $"a:mec:{Stamp(Date)}:{s}",
        ({ } s, { } b) => $"a:mecy:{Stamp(Date)}:{s}:{b}",
    };
}

/// <summary>Cancel every upcoming booking of the day: asked, then applied.</summary>
public sealed record MassCancel(DateOnly Date, bool Apply) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:{(Apply ? "mexy" : "mex")}:{Stamp(Date)}";
}
