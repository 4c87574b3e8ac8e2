using System.Globalization;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Payments;
using Booking.Core.Scheduling;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A3: cancel, move and mark from the panel. Cancel and move go through <see cref="AdminBookingChanges"/>, the
/// same service the bot's buttons use, so the client hears about it in Telegram word for word as from the bot.
/// Each action redirects back to the page it came from with a one-line outcome (post/redirect/get).
/// </summary>
public static class BookingActionsEndpoints
{
    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapPost("/bookings/{id:int}/cancel", async (int id, HttpContext http, AdminBookingChanges changes) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (result, told) = await changes.CancelAsync(PanelUser.From(http).AdminId, id, form["reason"].ToString(), http.RequestAborted);
            var done = result.Outcome switch
            {
                CancelByAdmin.Outcome.Cancelled => told ? "cancelled" : "cancelled_not_told",
                CancelByAdmin.Outcome.AlreadyStarted => "already_started",
                CancelByAdmin.Outcome.NotActive => "not_active",
                _ => "not_found",
            };
            return BackTo(form["back"], done);
        }).Needs(Permission.ManageBookings);

        panel.MapPost("/bookings/{id:int}/refunded", async (int id, HttpContext http, MarkRefunded.Handler refunds) =>
        {
            var result = await refunds.HandleAsync(new(PanelUser.From(http).AdminId, id), http.RequestAborted);
            return BackTo("/panel/", result.Outcome switch
            {
                MarkRefunded.Outcome.Marked or MarkRefunded.Outcome.AlreadyMarked => "refunded",
                _ => "not_found",
            });
        }).Needs(Permission.ManageBookings);

        panel.MapPost("/bookings/{id:int}/mark", async (int id, HttpContext http, MarkAttendance.Handler marks) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var attended = string.Equals(form["attended"], "true", StringComparison.Ordinal);
            var result = await marks.HandleAsync(new MarkAttendance.Request(PanelUser.From(http).AdminId, id, attended), http.RequestAborted);
            var done = result.Outcome switch
            {
                MarkAttendance.Outcome.Marked or MarkAttendance.Outcome.Unchanged => "marked",
                MarkAttendance.Outcome.NotStarted => "not_started",
                MarkAttendance.Outcome.Cancelled => "not_active",
                _ => "not_found",
            };
            return BackTo(form["back"], done);
        }).Needs(Permission.ManageBookings);

        panel.MapGet("/bookings/{id:int}/move", MovePageAsync).Needs(Permission.ManageBookings);

        panel.MapPost("/bookings/{id:int}/move", async (int id, HttpContext http, AdminBookingChanges changes) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!long.TryParse(form["start"], CultureInfo.InvariantCulture, out var ticks) || ticks <= 0 || ticks >= DateTime.MaxValue.Ticks)
            {
                return Results.Redirect($"/panel/bookings/{id}/move?done=slot_taken");
            }

            var (result, told) = await changes.MoveAsync(PanelUser.From(http).AdminId, id, new DateTime(ticks, DateTimeKind.Utc), http.RequestAborted);
            return result.Outcome switch
            {
                MoveByAdmin.Outcome.Moved => BackTo(form["back"], told ? "moved" : "moved_not_told"),
                MoveByAdmin.Outcome.SameTime => BackTo(form["back"], "moved"),
                MoveByAdmin.Outcome.SlotUnavailable => Results.Redirect($"/panel/bookings/{id}/move?done=slot_taken"),
                MoveByAdmin.Outcome.AlreadyStarted => BackTo(form["back"], "already_started"),
                MoveByAdmin.Outcome.NotActive => BackTo(form["back"], "not_active"),
                _ => BackTo(form["back"], "not_found"),
            };
        }).Needs(Permission.ManageBookings);
    }

    /// <summary>Only paths inside the panel are followed, so a form cannot be made to redirect elsewhere.</summary>
    public static IResult BackTo(string? back, string done)
    {
        var path = back is { Length: > 0 } b && b.StartsWith("/panel/", StringComparison.Ordinal) && !b.Contains("//", StringComparison.Ordinal) && !b.Contains('\\', StringComparison.Ordinal)
            ? b
            : "/panel/bookings";
        return Results.Redirect(path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "done=" + done);
    }

    /// <summary>
    /// A day's free times as buttons, each a form posting its start (in ticks) with <paramref name="fields"/> to
    /// <paramref name="action"/>; or a line saying the day has none. Used by the move page and the new booking page.
    /// </summary>
    public static void FreeTimes(Html h, PanelUser user, DateOnly date, IReadOnlyList<Slot> free, string action, params (string Name, string Value)[] fields)
    {
        var (t, f) = (user.T, user.T.Formats);
        if (free.Count == 0)
        {
            h.Raw("<p class=\"muted\">").Raw(t["web.move_no_slots"]).Raw("</p>");
            return;
        }

        h.Raw("<p>").Raw(t.Format("web.move_pick", ("date", new Bot.Texts.Raw(f.Date(date))))).Raw("</p><div class=\"slots\">");
        foreach (var slot in free)
        {
            h.Raw("<form method=\"post\" class=\"inline\"").Attr("action", action).Raw(">").Raw(user.CsrfField);
            foreach (var (name, value) in fields)
            {
                h.Raw("<input type=\"hidden\"").Attr("name", name).Attr("value", value).Raw(">");
            }

            h.Raw("<input type=\"hidden\" name=\"start\"").Attr("value", slot.StartUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Raw(">")
                .Raw("<button type=\"submit\">").Raw(f.Time(slot.StartUtc)).Raw("</button></form> ");
        }

        h.Raw("</div>");
    }

    /// <summary>The move page: the booking, a day to look at, and that day's free times as buttons.</summary>
    private static async Task<IResult> MovePageAsync(int id, HttpContext http, GetBookingCard.Handler cards, GetAvailability.Handler availability)
    {
        var user = PanelUser.From(http);
        var (t, f) = (user.T, user.T.Formats);
        var card = await cards.HandleAsync(id, http.RequestAborted);
        if (card is not { Booking.IsActive: true, HasStarted: false })
        {
            return BackTo("/panel/bookings", card is null ? "not_found" : card.HasStarted && card.Booking.IsActive ? "already_started" : "not_active");
        }

        var b = card.Booking;
        var date = DateOnly.TryParseExact(http.Request.Query["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : DateOnly.FromDateTime(LocalTime.ToLocal(b.StartUtc, f.Zone));
        var day = await availability.DayAsync(GetAvailability.Subject.AdminMove(id), date, http.RequestAborted);
        var h = new Html().Raw(PanelLayout.Flash(user, http.Request)).Raw("<section class=\"box\"><p>")
            .Raw(t.Format("web.move_summary", ("client", card.Client.DisplayName), ("service", card.Service), ("current", new Bot.Texts.Raw(f.DateTime(b.StartUtc)))))
            .Raw("</p><form method=\"get\" class=\"filters\"><label>").Raw(t["web.move_day"])
            .Raw("<input type=\"date\" name=\"date\"").Attr("value", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Raw("></label>")
            .Raw("<button type=\"submit\">").Raw(t["web.move_show"]).Raw("</button></form>");
        var free = day?.Slots.Where(s => s.IsFree && s.StartUtc != b.StartUtc).ToList() ?? [];
        FreeTimes(h, user, date, free, $"/panel/bookings/{id}/move", ("back", "/panel/bookings"));
        h.Raw("</section><p><a href=\"/panel/bookings\">").Raw(t["web.back"]).Raw("</a></p>");
        return PanelLayout.Page(user, "/panel/bookings", t.Plain("web.move_title"), h.ToString());
    }
}
