using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Analytics;
using static Booking.Bot.Callbacks.CallbackFields;

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
        ["a", "bak"] => new RunBackup(),
        ["a", "cal"] => new OpenCalendarFeed(),
        ["a", "caln"] => new NewCalendarFeed(),
        ["a", "calx"] => new RevokeCalendarFeed(),
        ["a", "me"] => new MassEditDayPick(null),
        ["a", "me", var d] when Day(d) is { } day => new MassEditDayPick(day),
        ["a", "mes" or "mesy", var d, var m] when Day(d) is { } day && Shift(m) is { } minutes => new MassShift(day, minutes, parts[1] == "mesy"),
        ["a", "mec", var d] when Day(d) is { } day => new MassService(day, null, null),
        ["a", "mec", var d, var s] when Day(d) is { } day && Id(s) is { } service => new MassService(day, service, null),
        ["a", "mecy", var d, var s, var b] when Day(d) is { } day && Id(s) is { } service && (b == "0" || Id(b) is not null) =>
            new MassService(day, service, b == "0" ? 0 : Id(b)),
        ["a", "mex" or "mexy", var d] when Day(d) is { } day => new MassCancel(day, parts[1] == "mexy"),
        ["a", "new", var id, var r] when User(id) is { } u && Role(r) is { } role => new AddAdmin(u, role),
        ["a", "sv"] => new AdminServices(),
        ["a", "sv", var id] when Id(id) is { } s => new AdminService(s),
        ["a", "svn"] => new NewServiceStart(),
        ["a", "sve", var id, [var f]] when Id(id) is { } s && ServiceFieldEdit.Fields.Contains(f) => new ServiceFieldEdit(s, f),
        ["a", "swd", var m] when Id(m) is { } minutes => new ServiceDurationPick(minutes),
        ["a", "swi", var m] when m is "0" or "15" or "30" or "60" => new ServiceIntervalPick(int.Parse(m, CultureInfo.InvariantCulture)),
        ["a", "sws"] => new ServiceDescriptionSkip(),
        ["a", "svt", var id] when Id(id) is { } s => new ServiceToggle(s),
        ["a", "svm", var id, var d] when Id(id) is { } s && d is "u" or "d" => new ServiceMove(s, d == "u"),
        ["a", "svx", var id] when Id(id) is { } s => new ServiceDeleteAsk(s),
        ["a", "svxy", var id] when Id(id) is { } s => new ServiceDeleteConfirm(s),
        ["a", "bl"] => new AdminBlocks(),
        ["a", "bln", [var k]] when BlockStart.Kinds.Contains(k) => new BlockStart(k),
        ["a", "blm", var m] when Id(m) is { } minutes => new BlockLengthPick(minutes),
        ["a", "blr"] => new BlockReasonSkip(),
        ["a", "bly"] => new BlockConfirm(),
        ["a", "blu", var id] when Id(id) is { } b => new BlockRemove(b),
        ["a", "dash", var p] when Period(p) is { } period => new ShowDashboard(period),
        ["a", "sch", var d] when Day(d) is { } day => new ShowSchedule(day),
        ["a", "bk", var id] when Id(id) is { } b => new ViewBooking(b),
        ["a", "mk", var id, "c" or "n"] when Id(id) is { } b => new MarkVisit(b, parts[3] == "c"),
        ["a", "rf", var id] when Id(id) is { } b => new MarkRefund(b),
        ["a", "bkx", var id] when Id(id) is { } b => new AskAdminCancel(b),
        ["a", "bkxy", var id] when Id(id) is { } b => new AdminCancel(b),
        ["a", "bkm", var id] when Id(id) is { } b => new StartMessageClient(b),
        ["a", "mvm" or "mvd" or "mvs" or "mvy", ..] => MoveButtons.Parse(parts),
        ["a", "nb" or "nbc" or "nbs" or "nbm" or "nbd" or "nbt" or "nby", ..] => BookForClientButtons.Parse(parts),
        ["a", "au", var p, var u, var act] when Page(p) is { } page && Filter(u, act) is { } f => new ShowAudit(page, f.Actor, f.Action),
        ["a", "aua", var act] when Filter("-", act) is { } f => new PickAuditActor(f.Action),
        ["a", "auc", var u] when Filter(u, "-") is { } f => new PickAuditAction(f.Actor),
        ["a", "aux", var u, var act] when Filter(u, act) is { } f => new ExportAudit(f.Actor, f.Action),
        ["a", "exp"] => new OpenExports(),
        ["a", "exp", "b" or "c"] => new RunExport(parts[2] == "b" ? ExportKind.Bookings : ExportKind.Clients),
        ["a", "tx"] => new TextCategories(),
        ["a", "txc", var c, var p] when TextKeyId.IsCategory(c) && TextKeyId.Page(p) is { } page => new TextCategoryPage(c, page),
        ["a", "txk", var k] when TextKeyId.IsWellFormed(k) => new ViewText(k),
        ["a", "txe", var k, var l] when TextKeyId.IsWellFormed(k) && TextKeyId.IsLanguage(l) => new EditText(k, l),
        ["a", "txs", var k, var l] when TextKeyId.IsWellFormed(k) && TextKeyId.IsLanguage(l) => new SaveText(k, l),
        ["a", "txr", var k, var l] when TextKeyId.IsWellFormed(k) && TextKeyId.IsLanguage(l) => new AskResetText(k, l),
        ["a", "txry", var k, var l] when TextKeyId.IsWellFormed(k) && TextKeyId.IsLanguage(l) => new ResetText(k, l),
        ["a", "bc" or "bca" or "bcb" or "bcy" or "bcx", ..] => BroadcastButtons.Parse(parts),
        ["a", "fe" or "fel" or "fer" or "fef" or "fey", ..] => EditorCallback.Parse(parts),
        ["a", _, ..] when SettingsCallback.Parse(parts) is { } settings => settings,
        _ => null,
    };

    internal static string RoleCode(AdminRole role) => role == AdminRole.SuperAdmin ? "s" : "m";

    internal static long? User(string s) =>
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

    /// <summary>A shift in minutes: a non-zero multiple of 5 within ±12 hours.</summary>
    private static int? Shift(string s) =>
        int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v != 0 && v % 5 == 0 && Math.Abs(v) <= 720 ? v : null;

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
