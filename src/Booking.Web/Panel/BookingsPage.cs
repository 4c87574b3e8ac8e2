using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Services;

namespace Booking.Web.Panel;

/// <summary>X1/A3: the bookings table with filters, and per row what an admin may do to it right now.</summary>
public static class BookingsPage
{
    public static void Map(RouteGroupBuilder panel) =>
        panel.MapGet("/bookings", async (HttpContext http, ListBookings.Handler list, ListAllServices.Handler services, GetBookingsVersion.Handler version) =>
        {
            var user = PanelUser.From(http);
            var ct = http.RequestAborted;
            var q = http.Request.Query;
            var request = new ListBookings.Request(Date(q["from"]), Date(q["to"]),
                Enum.TryParse<BookingStatus>(q["status"], out var s) && Enum.IsDefined(s) ? s : null,
                int.TryParse(q["service"], CultureInfo.InvariantCulture, out var sid) ? sid : null, q["q"].ToString());
            var v = await version.HandleAsync(ct);
            var result = await list.HandleAsync(request, ct);
            var add = $"<p><a class=\"button\" href=\"/panel/bookings/new\">{user.T["web.new_booking_button"]}</a></p>";
            var body = PanelLayout.Flash(user, http.Request) + add + Filters(user, request, result, await services.HandleAsync(ct)) + Table(user, result, Back(http));
            return PanelLayout.Page(user, "/panel/bookings", user.T.Plain("web.nav_bookings"), body, version: v);
        }).Needs(Permission.ManageBookings);

    public static string StatusKey(BookingStatus status) => "web.status_" + status switch
    {
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.Completed => "completed",
        BookingStatus.NoShow => "no_show",
        _ => "confirmed",
    };

    /// <summary>Where a row's action returns to: this very page with its filters, minus any previous notice.</summary>
    public static string Back(HttpContext http)
    {
        var query = http.Request.Query.Where(p => p.Key != "done").Select(p => p.Key + "=" + Uri.EscapeDataString(p.Value.ToString()));
        var qs = string.Join('&', query);
        return http.Request.Path + (qs.Length > 0 ? "?" + qs : string.Empty);
    }

    private static DateOnly? Date(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    private static string Filters(PanelUser user, ListBookings.Request request, ListBookings.Result result, IReadOnlyList<Service> services)
    {
        var t = user.T;
        var h = new Html().Raw("<form method=\"get\" class=\"filters\">")
            .Raw("<label>").Raw(t["web.filter_from"]).Raw("<input type=\"date\" name=\"from\"").Attr("value", result.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("></label>")
            .Raw("<label>").Raw(t["web.filter_to"]).Raw("<input type=\"date\" name=\"to\"").Attr("value", result.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("></label>")
            .Raw("<label>").Raw(t["web.filter_status"]).Raw("<select name=\"status\"><option value=\"\">").Raw(t["web.filter_any"]).Raw("</option>");
        foreach (var status in Enum.GetValues<BookingStatus>())
        {
            h.Raw("<option").Attr("value", status.ToString()).Raw(request.Status == status ? " selected>" : ">").Raw(t[StatusKey(status)]).Raw("</option>");
        }

        h.Raw("</select></label><label>").Raw(t["web.filter_service"]).Raw("<select name=\"service\"><option value=\"\">").Raw(t["web.filter_any"]).Raw("</option>");
        foreach (var service in services.Where(x => !x.IsDeleted))
        {
            h.Option(service.Id.ToString(CultureInfo.InvariantCulture), service.Name, request.ServiceId == service.Id);
        }

        return h.Raw("</select></label><label>").Raw(t["web.filter_search"]).Raw("<input type=\"search\" name=\"q\"").Attr("value", request.Search).Raw("></label>")
            .Raw("<button type=\"submit\" class=\"primary\">").Raw(t["web.filter_apply"]).Raw("</button></form>").ToString();
    }

    private static string Table(PanelUser user, ListBookings.Result result, string back)
    {
        var (t, f) = (user.T, user.T.Formats);
        if (result.Lines.Count == 0)
        {
            return $"<p class=\"muted\">{t["web.no_bookings"]}</p>";
        }

        var h = new Html().Raw("<table class=\"bookings\"><thead><tr>")
            .Raw($"<th>{t["web.col_when"]}</th><th>{t["web.col_service"]}</th><th>{t["web.col_client"]}</th><th>{t["web.col_status"]}</th><th>{t["web.col_price"]}</th><th>{t["web.col_actions"]}</th>")
            .Raw("</tr></thead><tbody>");
        foreach (var b in result.Lines)
        {
            var id = b.BookingId.ToString(CultureInfo.InvariantCulture);
            var status = StatusKey(b.Status);
            h.Raw("<tr").Attr("id", "b" + id).Attr("data-booking", id).Raw("><td>").Raw(f.DateTime(b.StartUtc)).Raw("<br><span class=\"muted\">").Raw(f.Duration(b.DurationMinutes)).Raw("</span></td>")
                .Tag("td", b.Service).Tag("td", b.Client)
                .Raw("<td class=\"").Raw(status.Replace("web.status_", "status-", StringComparison.Ordinal)).Raw("\">").Raw(t[status])
                .Raw(b.AttendanceConfirmed && b.Status == BookingStatus.Confirmed ? " ✅" : string.Empty);
            if (b.CancelReason is { } reason)
            {
                h.Raw("<br><span class=\"muted\">").Text(reason).Raw("</span>");
            }

            h.Raw("</td><td>").Raw(f.Price(b.Price, b.Currency)).Raw("</td><td>").Raw(Actions(user, b, result.NowUtc, back)).Raw("</td></tr>");
        }

        h.Raw("</tbody></table>");
        if (result.Truncated)
        {
            h.Raw("<p class=\"muted\">").Raw(t.Format("web.truncated", ("count", ListBookings.MaxRows))).Raw("</p>");
        }

        return h.ToString();
    }

    private static string Actions(PanelUser user, ListBookings.Line b, DateTime nowUtc, string back)
    {
        var t = user.T;
        var id = b.BookingId.ToString(CultureInfo.InvariantCulture);
        var h = new Html();
        string Hidden() => user.CsrfField + new Html().Raw("<input type=\"hidden\" name=\"back\"").Attr("value", back).Raw(">");
        if (b.Status == BookingStatus.Confirmed && b.StartUtc > nowUtc)
        {
            h.Raw($"<form method=\"post\" class=\"inline\" action=\"/panel/bookings/{id}/cancel\">").Raw(Hidden())
                .Raw("<input name=\"reason\" maxlength=\"256\" size=\"14\"").Attr("placeholder", t.Plain("web.cancel_reason")).Raw(">")
                .Raw("<button type=\"submit\" class=\"danger\">").Raw(t["web.cancel_button"]).Raw("</button></form> ")
                .Raw($"<a href=\"/panel/bookings/{id}/move\">").Raw(t["web.move_button"]).Raw("</a>");
        }
        else if (b.Status != BookingStatus.Cancelled && b.StartUtc <= nowUtc)
        {
            foreach (var (attended, key) in new[] { (true, "web.completed_button"), (false, "web.no_show_button") })
            {
                h.Raw($"<form method=\"post\" class=\"inline\" action=\"/panel/bookings/{id}/mark\">").Raw(Hidden())
                    .Raw($"<input type=\"hidden\" name=\"attended\" value=\"{(attended ? "true" : "false")}\">")
                    .Raw("<button type=\"submit\">").Raw(t[key]).Raw("</button></form> ");
            }
        }

        return h.ToString();
    }
}
