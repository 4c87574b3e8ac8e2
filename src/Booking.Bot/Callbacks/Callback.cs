using System.Globalization;
using static Booking.Bot.Callbacks.CallbackFields;

namespace Booking.Bot.Callbacks;

/// <summary>
/// What the booking wizard is placing: a service to book ("s12") or an existing booking to move ("b34").
/// One set of calendar and slot screens serves both.
/// </summary>
public readonly record struct Target(bool IsReschedule, int Id)
{
    public static Target Book(int serviceId) => new(false, serviceId);

    public static Target Move(int bookingId) => new(true, bookingId);

    public override string ToString() => (IsReschedule ? "b" : "s") + Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>What availability is asked for: the service, or the client's own booking with its interval ignored.</summary>
    public Core.Features.Availability.GetAvailability.Subject ToSubject(long clientId) =>
        IsReschedule ? new(0, Id, clientId) : new(Id);

    public static bool TryParse(string text, out Target target)
    {
        target = default;
        if (text.Length < 2 || (text[0] != 's' && text[0] != 'b'))
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return false;
        }

        target = new Target(text[0] == 'b', id);
        return true;
    }
}

/// <summary>
/// Inline-button payloads. Each is a small record with a compact, versionless wire form (≤ 64 bytes) and a
/// strict parser; anything that does not parse is treated as stale or forged. Values are never trusted:
/// handlers re-check ownership, time rules and availability on the server.
/// </summary>
public abstract record Callback
{
    public abstract string Format();

    public static bool TryParse(string? data, out Callback? callback)
    {
        callback = null;
        if (string.IsNullOrEmpty(data) || data.Length > 64)
        {
            return false;
        }

        var parts = data.Split(':');
        callback = parts switch
        {
            ["a", ..] => AdminCallback.Parse(parts),
            ["svc", var id] when Id(id) is { } s => new PickService(s),
            ["svcs"] => new ListServicesAgain(),
            ["cal", var t, var ym] when Target.TryParse(t, out var target) && Month(ym) is { } m => new ShowMonth(target, m),
            ["day", var t, var d] when Target.TryParse(t, out var target) && Day(d) is { } day => new PickDay(target, day),
            ["slot", var t, var u] when Target.TryParse(t, out var target) && Instant(u) is { } at => new PickSlot(target, at),
            ["ok", var t, var u] when Target.TryParse(t, out var target) && Instant(u) is { } at => new Confirm(target, at),
            ["close"] => new CloseWizard(),
            ["my"] => new ShowMyBookings(),
            ["past"] => new ShowPastBookings(),
            ["cx", var id] when Id(id) is { } b => new AskCancel(b),
            ["cxy", var id] when Id(id) is { } b => new ConfirmCancel(b),
            ["lang", var code] when code is "ru" or "en" => new ChooseLanguage(code),
            ["att", var id] when Id(id) is { } b => new ConfirmVisit(b),
            ["rv", var id, var stars] when Id(id) is { } b && stars is ['1' or '2' or '3' or '4' or '5'] => new RateVisit(b, stars[0] - '0'),
            ["rvd"] => new FinishReview(),
            ["fg"] => new AskForget(),
            ["fgy"] => new ConfirmForget(),
            ["fgn"] => new KeepData(),
            ["wlo", var id, var d] when Id(id) is { } s && Day(d) is { } day => new OfferWaitlist(s, day),
            ["wlj", var id, var d] when Id(id) is { } s && Day(d) is { } day => new EnterWaitlist(s, day),
            ["wls"] => new ShowWaits(),
            ["wll", var id] when Id(id) is { } w => new LeaveWait(w),
            ["wlt", var id, var u] when Id(id) is { } w && Instant(u) is { } at => new TakeFreedSlot(w, at),
            ["nop", var why] when why is "day" or "full" or "slot" or "" => new Nothing(why),
            ["nop"] => new Nothing(string.Empty),
            _ => null,
        };
        return callback is not null;
    }

    internal static string Stamp(DateTime utc) => utc.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    internal static string Stamp(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
}

public sealed record PickService(int ServiceId) : Callback
{
    public override string Format() => $"svc:{ServiceId}";
}

public sealed record ListServicesAgain : Callback
{
    public override string Format() => "svcs";
}

public sealed record ShowMonth(Target Target, DateOnly Month) : Callback
{
    public override string Format() => $"cal:{Target}:{Month.ToString("yyyyMM", CultureInfo.InvariantCulture)}";
}

public sealed record PickDay(Target Target, DateOnly Date) : Callback
{
    public override string Format() => $"day:{Target}:{Stamp(Date)}";
}

public sealed record PickSlot(Target Target, DateTime StartUtc) : Callback
{
    public override string Format() => $"slot:{Target}:{Stamp(StartUtc)}";
}

public sealed record Confirm(Target Target, DateTime StartUtc) : Callback
{
    public override string Format() => $"ok:{Target}:{Stamp(StartUtc)}";
}

public sealed record CloseWizard : Callback
{
    public override string Format() => "close";
}

public sealed record ShowMyBookings : Callback
{
    public override string Format() => "my";
}

public sealed record ShowPastBookings : Callback
{
    public override string Format() => "past";
}

public sealed record AskCancel(int BookingId) : Callback
{
    public override string Format() => $"cx:{BookingId}";
}

public sealed record ConfirmCancel(int BookingId) : Callback
{
    public override string Format() => $"cxy:{BookingId}";
}

public sealed record ChooseLanguage(string Language) : Callback
{
    public override string Format() => $"lang:{Language}";
}

/// <summary>A button that only shows something (a header, a full day): answered with a hint, changes nothing.</summary>
public sealed record Nothing(string Why) : Callback
{
    public override string Format() => Why.Length == 0 ? "nop" : $"nop:{Why}";
}

/// <summary>"I'll come" on the day-before reminder (X5).</summary>
public sealed record ConfirmVisit(int BookingId) : Callback
{
    public override string Format() => $"att:{BookingId}";
}

public sealed record RateVisit(int BookingId, int Stars) : Callback
{
    public override string Format() => $"rv:{BookingId}:{Stars}";
}

/// <summary>Leaves the review without a comment.</summary>
public sealed record FinishReview : Callback
{
    public override string Format() => "rvd";
}

/// <summary>C11: asks whether to delete the user's data (from the /mydata screen).</summary>
public sealed record AskForget : Callback
{
    public override string Format() => "fg";
}

/// <summary>C11: deletes the user's data; the core re-checks that they are not an admin.</summary>
public sealed record ConfirmForget : Callback
{
    public override string Format() => "fgy";
}

/// <summary>C11: changed their mind; nothing is deleted.</summary>
public sealed record KeepData : Callback
{
    public override string Format() => "fgn";
}

/// <summary>X4: a full day was tapped; asks whether to join its waitlist.</summary>
public sealed record OfferWaitlist(int ServiceId, DateOnly Date) : Callback
{
    public override string Format() => $"wlo:{ServiceId}:{Stamp(Date)}";
}

/// <summary>X4: joins the waitlist of that service and day; the core re-checks that the day is full.</summary>
public sealed record EnterWaitlist(int ServiceId, DateOnly Date) : Callback
{
    public override string Format() => $"wlj:{ServiceId}:{Stamp(Date)}";
}

/// <summary>X4: the client's waits.</summary>
public sealed record ShowWaits : Callback
{
    public override string Format() => "wls";
}

/// <summary>X4: stop waiting; the core checks the wait is the client's own.</summary>
public sealed record LeaveWait(int WaitId) : Callback
{
    public override string Format() => $"wll:{WaitId}";
}

/// <summary>X4: a freed time on a waitlist offer; booked through the same command and checks as the wizard's confirm.</summary>
public sealed record TakeFreedSlot(int WaitId, DateTime StartUtc) : Callback
{
    public override string Format() => $"wlt:{WaitId}:{Stamp(StartUtc)}";
}
