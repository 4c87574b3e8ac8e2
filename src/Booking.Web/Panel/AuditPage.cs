using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Audit;
using Booking.Core.Scheduling;

namespace Booking.Web.Panel;

/// <summary>X1/A11: the audit log newest first, filtered by admin and action, paged, with the filtered CSV.</summary>
public static class AuditPage
{
    public static void Map(RouteGroupBuilder panel) =>
        panel.MapGet("/audit", async (HttpContext http, ListAuditEntries.Handler list) =>
        {
            var user = PanelUser.From(http);
            var (t, f) = (user.T, user.T.Formats);
            var filter = FilterOf(http.Request);
            var page = int.TryParse(http.Request.Query["page"], CultureInfo.InvariantCulture, out var p) ? Math.Max(0, p - 1) : 0;
            var result = await list.HandleAsync(filter, page, http.RequestAborted);
            var h = new Html().Raw("<form method=\"get\" class=\"filters\"><label>").Raw(t["web.audit_actor"]).Raw("<select name=\"actor\"><option value=\"\">")
                .Raw(t["web.filter_any"]).Raw("</option>");
            foreach (var (id, name) in result.Actors)
            {
                var value = id.ToString(CultureInfo.InvariantCulture);
                h.Option(value, name is null ? value : $"{name} ({value})", filter.ActorId == id);
            }

            h.Raw("</select></label><label>").Raw(t["web.audit_action"]).Raw("<select name=\"action\"><option value=\"\">").Raw(t["web.filter_any"]).Raw("</option>");
            foreach (var action in result.Actions)
            {
                h.Option(action, action, filter.Action == action);
            }

            h.Raw("</select></label><button type=\"submit\" class=\"primary\">").Raw(t["web.filter_apply"]).Raw("</button>");
            if (user.Can(Permission.ExportData))
            {
                h.Raw(" <a").Attr("href", "/panel/export/audit.csv" + http.Request.QueryString.Value).Raw(">").Raw(t["web.download_csv"]).Raw("</a>");
            }

            h.Raw($"</form><table class=\"audit\"><thead><tr><th>{t["web.audit_when"]}</th><th>{t["web.audit_actor"]}</th><th>{t["web.audit_action"]}</th>")
                .Raw($"<th>{t["web.audit_target"]}</th><th>{t["web.audit_before"]}</th><th>{t["web.audit_after"]}</th></tr></thead><tbody>");
            foreach (var e in result.Entries)
            {
                var a = e.Audit;
                h.Raw("<tr><td>").Raw(f.Date(a.AtUtc)).Raw(", ").Raw(LocalTime.ToLocal(a.AtUtc, f.Zone).ToString("HH:mm:ss", CultureInfo.InvariantCulture)).Raw("</td>")
                    .Tag("td", e.ActorName ?? a.ActorId.ToString(CultureInfo.InvariantCulture)).Raw("<td><code>").Text(a.Action).Raw("</code></td>")
                    .Tag("td", a.Target).Raw("<td><pre class=\"value\">").Text(a.Before).Raw("</pre></td><td><pre class=\"value\">").Text(a.After).Raw("</pre></td></tr>");
            }

            h.Raw("</tbody></table>");
            if (result.Total == 0)
            {
                h.Raw("<p class=\"muted\">").Raw(t["web.audit_empty"]).Raw("</p>");
            }

            h.Raw("<p>").Raw(t.Format("web.page_of", ("page", result.Page + 1), ("pages", result.Pages), ("total", result.Total))).Raw(" ");
            var query = $"actor={filter.ActorId}&action={Uri.EscapeDataString(filter.Action ?? string.Empty)}";
            if (result.Page > 0)
            {
                h.Raw("<a").Attr("href", $"/panel/audit?{query}&page={result.Page}").Raw(">◀</a> ");
            }

            if (result.Page + 1 < result.Pages)
            {
                h.Raw("<a").Attr("href", $"/panel/audit?{query}&page={result.Page + 2}").Raw(">▶</a>");
            }

            h.Raw("</p>");
            return PanelLayout.Page(user, "/panel/audit", t.Plain("web.nav_audit"), h.ToString());
        }).Needs(Permission.ViewAudit);

    public static ListAuditEntries.Filter FilterOf(HttpRequest request) => new(
        long.TryParse(request.Query["actor"], CultureInfo.InvariantCulture, out var actor) ? actor : null,
        request.Query["action"].ToString() is { Length: > 0 and <= 64 } action ? action : null);
}
