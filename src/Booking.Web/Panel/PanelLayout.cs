using Booking.Core.Domain;

namespace Booking.Web.Panel;

/// <summary>The shared page: header with the admin and a sign-out button, the nav (only what the role may open), main.</summary>
public static class PanelLayout
{
    private static readonly (string Key, string Path, Permission Permission)[] Nav =
    [
        ("web.nav_dashboard", "/panel/", Permission.ViewDashboard),
        ("web.nav_schedule", "/panel/schedule", Permission.ManageBookings),
        ("web.nav_bookings", "/panel/bookings", Permission.ManageBookings),
        ("web.nav_services", "/panel/services", Permission.ManageServices),
        ("web.nav_blocks", "/panel/blocks", Permission.ManageSlots),
        ("web.nav_settings", "/panel/settings", Permission.ManageSettings),
        ("web.nav_days", "/panel/days", Permission.ManageSettings),
        ("web.nav_broadcasts", "/panel/broadcasts", Permission.Broadcast),
        ("web.nav_texts", "/panel/texts", Permission.EditTexts),
        ("web.nav_admins", "/panel/admins", Permission.ManageAdmins),
        ("web.nav_audit", "/panel/audit", Permission.ViewAudit),
        ("web.nav_export", "/panel/export", Permission.ExportData),
    ];

    /// <param name="version">The bookings watermark the page was drawn at; set, the page follows live changes.</param>
    public static IResult Page(PanelUser user, string active, string title, string body, int status = StatusCodes.Status200OK, long? version = null)
    {
        var t = user.T;
        var h = new Html().Raw("<!doctype html><html lang=\"").Text(t.Language).Raw("\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Text(title).Raw(" · ").Raw(t["web.title"])
            .Raw("</title><link rel=\"stylesheet\" href=\"/panel/panel.css\"><script src=\"/panel/panel.js\" defer></script></head><body");
        if (version is { } v)
        {
            h.Attr("data-version", v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        h.Raw("><header><span class=\"brand\">").Raw(t["web.title"]).Raw("</span><nav>");
        foreach (var (key, path, permission) in Nav)
        {
            if (user.Can(permission))
            {
                h.Raw("<a href=\"").Raw(path).Raw(active == path ? "\" class=\"active\">" : "\">").Raw(t[key]).Raw("</a>");
            }
        }

        h.Raw("</nav><form method=\"post\" action=\"/panel/logout\" class=\"who\">").Raw(user.CsrfField)
            .Raw(t.Format("web.signed_in_as", ("name", user.Name), ("role", user.T.Plain(user.Role == AdminRole.SuperAdmin ? "web.role_super_admin" : "web.role_moderator"))))
            .Raw(" <button type=\"submit\" class=\"link\">").Raw(t["web.logout"]).Raw("</button></form></header>");
        h.Raw("<div id=\"live\" class=\"live\" hidden>").Raw(t["web.changed"]).Raw("</div>");
        h.Raw("<main><h1>").Text(title).Raw("</h1>").Raw(body).Raw("</main></body></html>");
        return Results.Content(h.ToString(), "text/html; charset=utf-8", null, status);
    }

    /// <summary>A page that only says something: 403, a stale form, a missing booking.</summary>
    public static IResult Message(PanelUser user, string titleHtml, string messageHtml, int status) =>
        Page(user, string.Empty, System.Net.WebUtility.HtmlDecode(titleHtml), $"<p class=\"notice\">{messageHtml}</p><p><a href=\"/panel/\">{user.T["web.back_home"]}</a></p>", status);

    /// <summary>A page for someone not signed in (the sign-in screens), without nav.</summary>
    public static IResult Bare(PanelTexts t, string title, string body, int status = StatusCodes.Status200OK)
    {
        var h = new Html().Raw("<!doctype html><html lang=\"").Text(t.Language).Raw("\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>").Text(title)
            .Raw("</title><link rel=\"stylesheet\" href=\"/panel/panel.css\"></head><body class=\"bare\"><main class=\"card\"><h1>").Text(title)
            .Raw("</h1>").Raw(body).Raw("</main></body></html>");
        return Results.Content(h.ToString(), "text/html; charset=utf-8", null, status);
    }

    /// <summary>A notice carried in the URL after a POST (post/redirect/get), shown once on top of the page.</summary>
    public static string Flash(PanelUser user, HttpRequest request)
    {
        var key = request.Query["done"].ToString();
        return key.Length is > 0 and < 40 && key.All(c => char.IsAsciiLetterLower(c) || c == '_')
            ? $"<p class=\"flash\" role=\"status\">{user.T["web.done_" + key]}</p>"
            : string.Empty;
    }
}
