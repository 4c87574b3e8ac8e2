using Booking.Core.Domain;

namespace Booking.Bot.Callbacks;

/// <summary>X2: an admin's own calendar feed: see it, make a new link (the old one stops), revoke it.</summary>
public sealed record OpenCalendarFeed : AdminCallback
{
    public override Permission Required => Permission.CalendarFeed;

    public override string Format() => "a:cal";
}

public sealed record NewCalendarFeed : AdminCallback
{
    public override Permission Required => Permission.CalendarFeed;

    public override string Format() => "a:caln";
}

public sealed record RevokeCalendarFeed : AdminCallback
{
    public override Permission Required => Permission.CalendarFeed;

    public override string Format() => "a:calx";
}
