namespace Booking.Core.Domain;

public enum AdminRole
{
    Moderator = 0,
    SuperAdmin = 1,
}

/// <summary>
/// Everything an admin can be allowed to do (A1). Roles map to permissions in <see cref="Permissions"/>;
/// whatever is not granted there is denied.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "A permission is what the spec calls it.")]
public enum Permission
{
    ViewDashboard = 0,
    ManageBookings = 1,
    ManageSlots = 2,
    ManageServices = 3,
    ManageSettings = 4,
    ManageAdmins = 5,
    ViewAudit = 6,
    ExportData = 7,
    Broadcast = 8,
    EditTexts = 9,
    EditFields = 10,

    /// <summary>X2: one's own private iCal feed of the bookings.</summary>
    CalendarFeed = 11,
}

/// <summary>An admin added from the bot. Owners from ADMIN_IDS are super admins without a row here.</summary>
public sealed class Admin
{
    private Admin()
    {
    }

    public Admin(long userId, AdminRole role, long addedBy, DateTime nowUtc)
    {
        UserId = userId;
        Role = role;
        AddedBy = addedBy;
        AddedUtc = nowUtc;
    }

    public long UserId { get; private set; }
    public AdminRole Role { get; private set; }
    public long AddedBy { get; private set; }
    public DateTime AddedUtc { get; private set; }

    public void ChangeRole(AdminRole role) => Role = role;
}

/// <summary>The permission matrix: deny by default.</summary>
public static class Permissions
{
    private static readonly Permission[] ModeratorGrants =
        [Permission.ViewDashboard, Permission.ManageBookings, Permission.ManageSlots, Permission.ManageServices, Permission.CalendarFeed];

    public static bool Allows(AdminRole? role, Permission permission) => role switch
    {
        AdminRole.SuperAdmin => true,
        AdminRole.Moderator => Array.IndexOf(ModeratorGrants, permission) >= 0,
        _ => false,
    };
}

/// <summary>One admin mutation (A11): who, what, on what, before and after, when.</summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
        Action = string.Empty;
        Target = string.Empty;
    }

    public AuditEntry(long actorId, string action, string target, string? before, string? after, DateTime nowUtc)
    {
        ActorId = actorId;
        Action = action;
        Target = target;
        Before = before;
        After = after;
        AtUtc = nowUtc;
    }

    public long Id { get; private set; }
    public long ActorId { get; private set; }
    public string Action { get; private set; }
    public string Target { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public DateTime AtUtc { get; private set; }

    /// <summary>
    /// The record this entry is about was erased (C11): it now points at the anonymous stand-in, and the values it
    /// held (a name, a phone) are dropped. Who changed it, what kind of change and when stay.
    /// </summary>
    public void Redact(string target)
    {
        Target = target;
        Before = null;
        After = null;
    }
}
