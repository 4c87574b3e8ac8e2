using System.Globalization;
using Booking.Core.Domain;

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
        _ => null,
    };

    internal static string RoleCode(AdminRole role) => role == AdminRole.SuperAdmin ? "s" : "m";

    private static long? User(string s) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

    private static int? Id(string s) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

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

/// <summary>A4: the list of services, active and hidden.</summary>
public sealed record AdminServices : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => "a:sv";
}

public sealed record AdminService(int ServiceId) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:sv:{ServiceId}";
}

public sealed record NewServiceStart : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => "a:svn";
}

/// <summary>Starts editing one field: n name, d description, m minutes, p price, i slot interval.</summary>
public sealed record ServiceFieldEdit(int ServiceId, char Field) : AdminCallback
{
    public const string Fields = "ndmpi";

    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:sve:{ServiceId}:{Field}";
}

/// <summary>A duration button: an answer to the service wizard's current question.</summary>
public sealed record ServiceDurationPick(int Minutes) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:swd:{Minutes}";
}

/// <summary>A slot interval button for the service wizard; 0 follows the global interval.</summary>
public sealed record ServiceIntervalPick(int Minutes) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:swi:{Minutes}";
}

public sealed record ServiceDescriptionSkip : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => "a:sws";
}

/// <summary>Shows a hidden service or hides a shown one.</summary>
public sealed record ServiceToggle(int ServiceId) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:svt:{ServiceId}";
}

public sealed record ServiceMove(int ServiceId, bool Up) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:svm:{ServiceId}:{(Up ? "u" : "d")}";
}

public sealed record ServiceDeleteAsk(int ServiceId) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:svx:{ServiceId}";
}

public sealed record ServiceDeleteConfirm(int ServiceId) : AdminCallback
{
    public override Permission Required => Permission.ManageServices;

    public override string Format() => $"a:svxy:{ServiceId}";
}

/// <summary>A6: upcoming blocks, with buttons to add and remove them.</summary>
public sealed record AdminBlocks : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => "a:bl";
}

/// <summary>Starts blocking: s a slot (date, time, length), d a whole day, r a date range.</summary>
public sealed record BlockStart(char Kind) : AdminCallback
{
    public const string Kinds = "sdr";

    public override Permission Required => Permission.ManageSlots;

    public override string Format() => $"a:bln:{Kind}";
}

public sealed record BlockLengthPick(int Minutes) : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => $"a:blm:{Minutes}";
}

public sealed record BlockReasonSkip : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => "a:blr";
}

/// <summary>Applies the block drafted in the conversation; a repeated tap finds no draft and changes nothing.</summary>
public sealed record BlockConfirm : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => "a:bly";
}

public sealed record BlockRemove(int BlockId) : AdminCallback
{
    public override Permission Required => Permission.ManageSlots;

    public override string Format() => $"a:blu:{BlockId}";
}
