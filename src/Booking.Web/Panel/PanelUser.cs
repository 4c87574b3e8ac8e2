using Booking.Core.Domain;

namespace Booking.Web.Panel;

/// <summary>The admin behind one panel request: their id, their role as the database says now, and their texts.</summary>
public sealed record PanelUser(long AdminId, AdminRole Role, string Name, PanelTexts T, string CsrfToken)
{
    public bool Can(Permission permission) => Permissions.Allows(Role, permission);

    /// <summary>The hidden antiforgery field every panel form carries.</summary>
    public string CsrfField => $"<input type=\"hidden\" name=\"{PanelHosting.CsrfField}\" value=\"{Html.Encode(CsrfToken)}\">";

    public static PanelUser From(HttpContext http) =>
        http.Items[typeof(PanelUser)] as PanelUser ?? throw new InvalidOperationException("The panel gate did not run for this endpoint.");
}

/// <summary>Endpoint metadata: the permission a panel page or action needs (deny by default: every page declares one).</summary>
public sealed record PanelAccess(Permission Permission);
