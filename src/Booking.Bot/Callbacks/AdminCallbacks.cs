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
        _ => null,
    };

    internal static string RoleCode(AdminRole role) => role == AdminRole.SuperAdmin ? "s" : "m";

    private static long? User(string s) =>
        long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;

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
