using Booking.Core.Domain;
using Booking.Core.Features.Admins;

namespace Booking.Core.Features.Editor;

/// <summary>An admin's role as the editor shows and reads it, under the rules of <see cref="ManageAdmins"/>.</summary>
internal static class AdminRoles
{
    public const string SuperAdmin = "super_admin";
    public const string Moderator = "moderator";

    public static IReadOnlyList<string> Names { get; } = [SuperAdmin, Moderator];

    public static string Name(AdminRole role) => role == AdminRole.SuperAdmin ? SuperAdmin : Moderator;

    public static AdminRole Parse(string name) => name == SuperAdmin ? AdminRole.SuperAdmin : AdminRole.Moderator;

    public static bool TryRead(string text, out string name)
    {
        name = text.Trim().ToLowerInvariant();
        return Names.Contains(name);
    }

    /// <summary>Owners (ADMIN_IDS) are read-only, and the last super admin is never demoted.</summary>
    public static async Task<EditField.Outcome?> GuardAsync(EditorScope scope, object record, object? value, CancellationToken ct)
    {
        var admin = (Admin)record;
        if (scope.Owners.Ids.Contains(admin.UserId))
        {
            return EditField.Outcome.ReadOnly;
        }

        var demoting = admin.Role == AdminRole.SuperAdmin && (string?)value != SuperAdmin;
        return demoting && await ManageAdmins.IsLastSuperAdminAsync(scope.Db, scope.Owners, ct) ? EditField.Outcome.LastSuperAdmin : null;
    }
}
