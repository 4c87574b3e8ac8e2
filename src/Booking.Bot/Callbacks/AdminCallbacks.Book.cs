using System.Globalization;
using Booking.Core.Domain;
using static Booking.Bot.Callbacks.CallbackFields;

namespace Booking.Bot.Callbacks;

// A3: an admin books a visit for a client (who called, wrote elsewhere or came in). Admin buttons of their own, like
// a move's: the router's gate checks ManageBookings before any handler, and the client's wizard never sees them.
internal static class BookForClientButtons
{
    internal static AdminCallback? Parse(string[] parts) => parts switch
    {
        ["a", "nb"] => new AdminBookStart(),
        ["a", "nbc", var c] when AdminCallback.User(c) is { } client => new AdminBookClient(client),
        ["a", "nbs", var c, var s] when AdminCallback.User(c) is { } client && Id(s) is { } service => new AdminBookService(client, service),
        ["a", "nbm", var c, var s, var ym] when AdminCallback.User(c) is { } client && Id(s) is { } service && Month(ym) is { } m =>
            new AdminBookMonth(client, service, m),
        ["a", "nbd", var c, var s, var d] when AdminCallback.User(c) is { } client && Id(s) is { } service && Day(d) is { } day =>
            new AdminBookDay(client, service, day),
        ["a", "nbt", var c, var s, var u] when AdminCallback.User(c) is { } client && Id(s) is { } service && Instant(u) is { } at =>
            new AdminBookSlot(client, service, at),
        ["a", "nby", var c, var s, var u] when AdminCallback.User(c) is { } client && Id(s) is { } service && Instant(u) is { } at =>
            new AdminBookConfirm(client, service, at),
        _ => null,
    };
}

/// <summary>Every step of booking for a client: one permission, one branch in the router.</summary>
public abstract record AdminBookCallback : AdminCallback
{
    public sealed override Permission Required => Permission.ManageBookings;
}

/// <summary>Asks who the visit is for: the admin types a name, an @username, a phone or an id.</summary>
public sealed record AdminBookStart : AdminBookCallback
{
    public override string Format() => "a:nb";
}

/// <summary>A client was picked from what the search found: the services follow.</summary>
public sealed record AdminBookClient(long ClientId) : AdminBookCallback
{
    public override string Format() => $"a:nbc:{ClientId}";
}

public sealed record AdminBookService(long ClientId, int ServiceId) : AdminBookCallback
{
    public override string Format() => $"a:nbs:{ClientId}:{ServiceId}";
}

public sealed record AdminBookMonth(long ClientId, int ServiceId, DateOnly Month) : AdminBookCallback
{
    public override string Format() => $"a:nbm:{ClientId}:{ServiceId}:{Month.ToString("yyyyMM", CultureInfo.InvariantCulture)}";
}

public sealed record AdminBookDay(long ClientId, int ServiceId, DateOnly Date) : AdminBookCallback
{
    public override string Format() => $"a:nbd:{ClientId}:{ServiceId}:{Stamp(Date)}";
}

/// <summary>A free time was picked: shows the confirmation, books nothing yet.</summary>
public sealed record AdminBookSlot(long ClientId, int ServiceId, DateTime StartUtc) : AdminBookCallback
{
    public override string Format() => $"a:nbt:{ClientId}:{ServiceId}:{Stamp(StartUtc)}";
}

public sealed record AdminBookConfirm(long ClientId, int ServiceId, DateTime StartUtc) : AdminBookCallback
{
    public override string Format() => $"a:nby:{ClientId}:{ServiceId}:{Stamp(StartUtc)}";
}
