using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;

namespace Booking.Web.Panel;

/// <summary>X1/A3: today and the next six days side by side, each booking with its time, service, client and status.</summary>
public static class SchedulePage
{
    public static void Map(RouteGroupBuilder panel) =>
        panel.MapGet("/schedule", async (HttpContext http, GetDaySchedule.Handler days, GetBookingsVersion.Handler version) =>
        {
            var user = PanelUser.From(http);
            var (t, f) = (user.T, user.T.Formats);
            var ct = http.RequestAborted;
            var v = await version.HandleAsync(ct);
            var first = await days.HandleAsync(null, ct);
            var h = new Html().Raw("<div class=\"week\">");
            for (var i = 0; i < 7; i++)
            {
                var day = i == 0 ? first : await days.HandleAsync(first.Today.AddDays(i), ct);
                var iso = day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                h.Raw(day.Date == day.Today ? "<section class=\"day today\"" : "<section class=\"day\"").Attr("data-date", iso).Raw("><h3>")
                    .Raw(f.Date(day.Date)).Raw("</h3>");
                if (day.Lines.Count == 0)
                {
                    h.Raw("<p class=\"muted\">").Raw(t["web.empty_day"]).Raw("</p>");
                }

                foreach (var line in day.Lines)
                {
                    var css = line.Status switch { BookingStatus.Completed => "slot completed", BookingStatus.NoShow => "slot no_show", _ => "slot" };
                    h.Raw("<div").Attr("class", css).Attr("data-booking", line.BookingId.ToString(CultureInfo.InvariantCulture)).Raw("><a")
                        .Attr("href", $"/panel/bookings?from={iso}&to={iso}#b{line.BookingId}").Raw("><b>").Raw(f.Time(line.StartUtc)).Raw("</b></a> ")
                        .Text(line.Service).Raw("<br>").Text(line.Client)
                        .Raw(line.AttendanceConfirmed && line.Status == BookingStatus.Confirmed ? " ✅" : string.Empty)
                        .Raw(line.Status is BookingStatus.Completed or BookingStatus.NoShow ? " · " + t[BookingsPage.StatusKey(line.Status)] : string.Empty)
                        .Raw("</div>");
                }

                if (day.Cancelled > 0)
                {
                    h.Raw("<p class=\"muted\">").Raw(t.Format("web.day_cancelled", ("count", day.Cancelled))).Raw("</p>");
                }

                if (day.Waiting > 0)
                {
                    h.Raw("<p class=\"muted\">").Raw(t.Format("web.day_waiting", ("count", day.Waiting))).Raw("</p>");
                }

                h.Raw("</section>");
            }

            h.Raw("</div>");
            return PanelLayout.Page(user, "/panel/schedule", user.T.Plain("web.nav_schedule"), h.ToString(), version: v);
        }).Needs(Permission.ManageBookings);
}
