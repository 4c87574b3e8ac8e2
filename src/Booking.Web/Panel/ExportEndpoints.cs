using Booking.Core.Domain;
using Booking.Core.Features.Export;

namespace Booking.Web.Panel;

/// <summary>X1/A13: the bot's CSV exports (UTF-8 with BOM, for Excel) as downloads.</summary>
public static class ExportEndpoints
{
    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/export", (HttpContext http) =>
        {
            var user = PanelUser.From(http);
            var t = user.T;
            var h = new Html().Raw("<section class=\"box\"><p>").Raw(t["web.export_hint"]).Raw("</p><ul>")
                .Raw("<li><a href=\"/panel/export/bookings.csv\">").Raw(t["web.export_bookings"]).Raw("</a></li>")
                .Raw("<li><a href=\"/panel/export/clients.csv\">").Raw(t["web.export_clients"]).Raw("</a></li>")
                .Raw("<li><a href=\"/panel/export/audit.csv\">").Raw(t["web.export_audit"]).Raw("</a></li></ul></section>");
            return PanelLayout.Page(user, "/panel/export", t.Plain("web.nav_export"), h.ToString());
        }).Needs(Permission.ExportData);

        panel.MapGet("/export/bookings.csv", async (HttpContext http, ExportBookings.Handler export) =>
            File(await export.HandleAsync(http.RequestAborted))).Needs(Permission.ExportData);
        panel.MapGet("/export/clients.csv", async (HttpContext http, ExportClients.Handler export) =>
            File(await export.HandleAsync(http.RequestAborted))).Needs(Permission.ExportData);
        panel.MapGet("/export/audit.csv", async (HttpContext http, ExportAuditLog.Handler export) =>
            File(await export.HandleAsync(AuditPage.FilterOf(http.Request), http.RequestAborted))).Needs(Permission.ExportData);
    }

    private static IResult File(ExportFile file) => Results.File(file.Content, "text/csv; charset=utf-8", file.FileName);
}
