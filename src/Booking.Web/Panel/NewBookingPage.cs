using System.Globalization;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Catalog;
using Booking.Core.Features.Clients;
using Booking.Core.Scheduling;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A3: the bot's "➕ Book a client" in the panel, on one page that grows as it is filled: find the client, then pick
/// the service and the day, then one of that day's free times. The booking goes through
/// <see cref="AdminBookingChanges"/>, so the client hears about it in Telegram word for word as from the bot.
/// </summary>
public static class NewBookingPage
{
    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/bookings/new", PageAsync).Needs(Permission.ManageBookings);

        panel.MapPost("/bookings/new", async (HttpContext http, AdminBookingChanges changes) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var client = long.TryParse(form["client"], NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : 0;
            var service = int.TryParse(form["service"], NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var again = $"/panel/bookings/new?client={client}&service={service}&date={Uri.EscapeDataString(form["date"].ToString())}";
            if (!long.TryParse(form["start"], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) || ticks <= 0 || ticks >= DateTime.MaxValue.Ticks)
            {
                return BookingActionsEndpoints.BackTo(again, "slot_taken");
            }

            var (result, told) = await changes.BookAsync(PanelUser.From(http).AdminId, client, service, new DateTime(ticks, DateTimeKind.Utc), http.RequestAborted);
            return result.Outcome switch
            {
                BookByAdmin.Outcome.Booked => BookingActionsEndpoints.BackTo("/panel/bookings", told ? "booked" : "booked_not_told"),
                BookByAdmin.Outcome.AlreadyBooked => BookingActionsEndpoints.BackTo("/panel/bookings", "booked"),
                BookByAdmin.Outcome.SlotUnavailable => BookingActionsEndpoints.BackTo(again, "slot_taken"),
                BookByAdmin.Outcome.ClientNotFound => BookingActionsEndpoints.BackTo("/panel/bookings/new", "client_gone"),
                _ => BookingActionsEndpoints.BackTo($"/panel/bookings/new?client={client}", "service_gone"),
            };
        }).Needs(Permission.ManageBookings);
    }

    private static async Task<IResult> PageAsync(
        HttpContext http, FindClients.Handler find, ListServices.Handler services, GetAvailability.Handler availability, TimeProvider clock)
    {
        var user = PanelUser.From(http);
        var (t, f) = (user.T, user.T.Formats);
        var ct = http.RequestAborted;
        var q = http.Request.Query;
        var h = new Html().Raw(PanelLayout.Flash(user, http.Request)).Raw("<section class=\"box\">");
        var client = long.TryParse(q["client"], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await find.ByIdAsync(id, ct) : null;
        if (client is null)
        {
            var typed = q["q"].ToString();
            h.Raw("<form method=\"get\" class=\"filters\"><label>").Raw(t["web.new_booking_who"])
                .Raw("<input type=\"search\" name=\"q\" autofocus").Attr("value", typed).Raw("></label><button type=\"submit\">").Raw(t["web.new_booking_find"])
                .Raw("</button></form><p class=\"muted\">").Raw(t["web.new_booking_hint"]).Raw("</p>");
            if (typed.Trim().Length > 0)
            {
                var found = await find.HandleAsync(typed, ct);
                h.Raw(found.Count == 0 ? "<p>" + t["web.new_booking_none"] + "</p>" : "<ul class=\"picks\">");
                foreach (var c in found)
                {
                    h.Raw($"<li><a href=\"/panel/bookings/new?client={c.Id}\">").Text(BookForClientScreens.Label(c)).Raw("</a></li>");
                }

                h.Raw(found.Count == 0 ? string.Empty : "</ul>");
            }

            return Page(user, h);
        }

        var offered = (await services.HandleAsync(ct)).Services;
        var serviceId = int.TryParse(q["service"], NumberStyles.None, CultureInfo.InvariantCulture, out var sid) && offered.Any(s => s.Id == sid) ? sid : offered.Count > 0 ? offered[0].Id : (int?)null;
        var today = LocalTime.Today(clock.GetUtcNow().UtcDateTime, f.Zone);
        var date = DateOnly.TryParseExact(q["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d >= today ? d : today;
        h.Raw("<p>").Raw(t["web.new_booking_for"]).Raw(" <b>").Text(BookForClientScreens.Label(client)).Raw("</b> · <a href=\"/panel/bookings/new\">")
            .Raw(t["web.new_booking_other_client"]).Raw("</a></p>")
            .Raw("<form method=\"get\" class=\"filters\"><input type=\"hidden\" name=\"client\"").Attr("value", client.Id.ToString(CultureInfo.InvariantCulture)).Raw(">")
            .Raw("<label>").Raw(t["web.filter_service"]).Raw("<select name=\"service\">");
        foreach (var s in offered)
        {
            h.Option(s.Id.ToString(CultureInfo.InvariantCulture), s.Name, s.Id == serviceId);
        }

        h.Raw("</select></label><label>").Raw(t["web.move_day"]).Raw("<input type=\"date\" name=\"date\"")
            .Attr("value", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("></label><button type=\"submit\">").Raw(t["web.move_show"]).Raw("</button></form>");
        var day = serviceId is { } chosen ? await availability.DayAsync(new GetAvailability.Subject(chosen, ByAdmin: true), date, ct) : null;
        var free = day?.Slots.Where(s => s.IsFree).ToList() ?? [];
        BookingActionsEndpoints.FreeTimes(h, user, date, free, "/panel/bookings/new",
            ("client", client.Id.ToString(CultureInfo.InvariantCulture)), ("service", serviceId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            ("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));

        return Page(user, h);
    }

    private static IResult Page(PanelUser user, Html h)
    {
        h.Raw("</section><p><a href=\"/panel/bookings\">").Raw(user.T["web.back"]).Raw("</a></p>");
        return PanelLayout.Page(user, "/panel/bookings", user.T.Plain("web.new_booking_title"), h.ToString());
    }
}
