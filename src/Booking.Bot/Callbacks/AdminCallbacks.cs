using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Analytics;

namespace Booking.Bot.Callbacks;

/// <summary>
/// Buttons of the admin panel ("a:…"). Each declares the permission it needs; the router checks it for every
/// press before any handler runs, so an admin screen can never be reached by forging its data.
/// </summary>
public abstract record AdminCallback : Callback
{
    public abstract Permission Required { get; }

    internal static AdminCallback? Parse(string[] parts) => parts switch
    {
        ["a", "menu"] => new OpenAdminPanel(),
        ["a", "adm"] => new ListAdmins(),
        ["a", "adm", var id] when User(id) is { } u => new ViewAdmin(u),
        ["a", "role", var id, var r] when User(id) is { } u && Role(r) is { } role => new SetAdminRole(u, role),
        ["a", "rm", var id] when User(id) is { } u => new AskRemoveAdmin(u),
        ["a", "rmy", var id] when User(id) is { } u => new RemoveAdmin(u),
        ["a", "add"] => new StartAddAdmin(),
        ["a", "new", var id, var r] when User(id) is { } u && Role(r) is { } role => new AddAdmin(u, role),
        ["a", "dash", var p] when Period(p) is { } period => new ShowDashboard(period),
        ["a", "sch", var d] when Day(d) is { } day => new ShowSchedule(day),
        ["a", "bk", var id] when Id(id) is { } b => new ViewBooking(b),
        ["a", "mk", var id, "c" or "n"] when Id(id) is { } b => new MarkVisit(b, parts[3] == "c"),
        ["a", "bkx", var id] when Id(id) is { } b => new AskAdminCancel(b),
        ["a", "bkxy", var id] when Id(id) is { } b => new AdminCancel(b),
        ["a", "bkm", var id] when Id(id) is { } b => new StartMessageClient(b),
        ["a", "au", var p, var u, var act] when Page(p) is { } page && Filter(u, act) is { } f => new ShowAudit(page, f.Actor, f.Action),
        ["a", "aua", var act] when Filter("-", act) is { } f => new PickAuditActor(f.Action),
        ["a", "auc", var u] when Filter(u, "-") is { } f => new PickAuditAction(f.Actor),
        ["a", "aux", var u, var act] when Filter(u, act) is { } f => new ExportAudit(f.Actor, f.Action),
        ["a", "exp"] => new OpenExports(),
        ["a", "exp", "b" or "c"] => new RunExport(parts[2] == "b" ? ExportKind.Bookings : ExportKind.Clients),
        _ => null,
    };

    internal static string RoleCode(AdminRole role) => role == AdminRole.SuperAdmin ? "s" : "m";

    private static long? User(string s) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    /// <summary>"-" stands for "no filter" in audit buttons.</summary>
    internal static string Optional(long? actor) => actor is { } a ? a.ToString(CultureInfo.InvariantCulture) : "-";

    internal static string Optional(string? action) => action ?? "-";

    internal static string PeriodCode(DashboardPeriod period) => period switch
    {
        DashboardPeriod.Today => "t",
        DashboardPeriod.Week => "w",
        DashboardPeriod.Month => "m",
        _ => "a",
    };

    private static DashboardPeriod? Period(string s) => s switch
    {
        "t" => DashboardPeriod.Today,
        "w" => DashboardPeriod.Week,
        "m" => DashboardPeriod.Month,
        "a" => DashboardPeriod.AllTime,
        _ => null,
    };

    private static int? Id(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    private static int? Page(string s) =>
        s.Length <= 4 && int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;

    private static DateOnly? Day(string s) =>
        DateOnly.TryParseExact(s, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>An audit filter: an admin id or "-", an action name (letters, digits, "_" and ".", ≤ 32) or "-".</summary>
    private static (long? Actor, string? Action)? Filter(string actor, string action)
    {
        long? who = actor == "-" ? null : User(actor);
        var what = action == "-" ? null : action;
        var valid = (actor == "-" || who is not null)
            && (what is null || (what.Length <= MaxFilterAction && what.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.')));
        return valid ? (who, what) : null;
    }

    /// <summary>Actions longer than this cannot be a filter: the button would not fit Telegram's 64 bytes.</summary>
    public const int MaxFilterAction = 32;

    private static AdminRole? Role(string s) => s switch
    {
        "s" => AdminRole.SuperAdmin,
        "m" => AdminRole.Moderator,
        _ => null,
    };
}

public sealed record OpenAdminPanel : AdminCallback
{
    public override Permission Required => Permission.ViewDashboard;

    public override string Format() => "a:menu";
}

public sealed record ListAdmins : AdminCallback
{
    public override Permission Required => Permission.ManageAdmins;

    public override string Format() => "a:adm";
}

public sealed record ViewAdmin(long UserId) : AdminCallback
{
    public override Permission Required => Permission.ManageAdmins;

    public override string Format() => $"a:adm:{UserId}";
}

public sealed record SetAdminRole(long UserId, AdminRole Role) : AdminCallback
{
    public override Permission Required => Permission.ManageAdmins;

    public override string Format() => $"a:role:{UserId}:{RoleCode(Role)}";
}

public sealed record AskRemoveAdmin(long UserId) : AdminCallback
{
    public override Permission Required => Permission.ManageAdmins;

    public override string Format() => $"a:rm:{UserId}";
}

public sealed record RemoveAdmin(long UserId) : AdminCallback
{
    public override Permission Required => Permission.ManageAdmins;

    public override string Format() => $"a:rmy:{UserId}";
}

public sealed record StartAddAdmin : AdminCallback
{
    public override Permission Required => Permission.ManageAdmins;

    public override string Format() => "a:add";
}

public sealed record AddAdmin(long UserId, AdminRole Role) : AdminCallback
{
    public override Permission Required => Permission.ManageAdmins;

    public override string Format() => $"a:new:{UserId}:{RoleCode(Role)}";
}

/// <summary>A2: the dashboard for one period.</summary>
public sealed record ShowDashboard(DashboardPeriod Period) : AdminCallback
{
    public override Permission Required => Permission.ViewDashboard;

    public override string Format() => $"a:dash:{PeriodCode(Period)}";
}

/// <summary>A3: one day of the schedule; a day outside today … today + 7 shows the nearest day inside.</summary>
public sealed record ShowSchedule(DateOnly Date) : AdminCallback
{
    /// <summary>Opens today, whenever the button is pressed.</summary>
    public static readonly ShowSchedule Today = new(DateOnly.MinValue);

    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:sch:{Stamp(Date)}";
}

public sealed record ViewBooking(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:bk:{BookingId}";
}

/// <summary>X5: the client came (completed) or did not (no-show).</summary>
public sealed record MarkVisit(int BookingId, bool Attended) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:mk:{BookingId}:{(Attended ? "c" : "n")}";
}

/// <summary>Asks for a reason (typed) before cancelling; the client is told.</summary>
public sealed record AskAdminCancel(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:bkx:{BookingId}";
}

/// <summary>Cancels without a reason.</summary>
public sealed record AdminCancel(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:bkxy:{BookingId}";
}

/// <summary>The next typed text goes to the booking's client as a message from the administrator.</summary>
public sealed record StartMessageClient(int BookingId) : AdminCallback
{
    public override Permission Required => Permission.ManageBookings;

    public override string Format() => $"a:bkm:{BookingId}";
}

/// <summary>A11: a page of the audit log, optionally filtered by admin and by action.</summary>
public sealed record ShowAudit(int Page, long? ActorId = null, string? Action = null) : AdminCallback
{
    public override Permission Required => Permission.ViewAudit;

    public override string Format() => $"a:au:{Page}:{Optional(ActorId)}:{Optional(Action)}";
}

public sealed record PickAuditActor(string? Action) : AdminCallback
{
    public override Permission Required => Permission.ViewAudit;

    public override string Format() => $"a:aua:{Optional(Action)}";
}

public sealed record PickAuditAction(long? ActorId) : AdminCallback
{
    public override Permission Required => Permission.ViewAudit;

    public override string Format() => $"a:auc:{Optional(ActorId)}";
}

/// <summary>The audit log as CSV: an export, so it needs the export permission (super admins, like viewing).</summary>
public sealed record ExportAudit(long? ActorId, string? Action) : AdminCallback
{
    public override Permission Required => Permission.ExportData;

    public override string Format() => $"a:aux:{Optional(ActorId)}:{Optional(Action)}";
}

public enum ExportKind
{
    Bookings = 0,
    Clients = 1,
}

/// <summary>A13: the exports menu.</summary>
public sealed record OpenExports : AdminCallback
{
    public override Permission Required => Permission.ExportData;

    public override string Format() => "a:exp";
}

public sealed record RunExport(ExportKind Kind) : AdminCallback
{
    public override Permission Required => Permission.ExportData;

    public override string Format() => $"a:exp:{(Kind == ExportKind.Bookings ? "b" : "c")}";
}
