using System.Globalization;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;
using Booking.Core.Features.Settings;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A5: holidays and special hours for single dates — the list from today on, adding (closed, or hours typed as in
/// the bot) and removing. Saved by the bot's <see cref="SetSpecialDay"/> and <see cref="RemoveSpecialDay"/>, so the
/// checks, the write gate and the audit entries are the bot's; bookings already made that day are counted and the
/// admin is warned, as in the bot.
/// </summary>
public static class SpecialDaysPage
{
    private const string Path = "/panel/days";

    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/days", async (HttpContext http, GetSettings.Handler settings) =>
        {
            var user = PanelUser.From(http);
            var t = user.T;
            var current = await settings.HandleAsync(http.RequestAborted);
            var h = new Html().Raw(Notice(user, http.Request, current.SpecialDays)).Raw("<table class=\"days\"><thead><tr><th>").Raw(t["web.day_date"])
                .Raw("</th><th>").Raw(t["web.day_hours"]).Raw("</th><th>").Raw(t["web.col_actions"]).Raw("</th></tr></thead><tbody>");
            foreach (var day in current.SpecialDays)
            {
                var date = PanelInput.Iso(day.Date);
                h.Raw("<tr").Attr("data-date", date).Raw("><td>").Raw(t.Formats.Date(day.Date)).Raw("</td><td>").Raw(Hours(user, day.Opens, day.Closes))
                    .Raw("</td><td><form method=\"post\" class=\"inline\" action=\"/panel/days/remove\">").Raw(user.CsrfField)
                    .Raw("<input type=\"hidden\" name=\"date\"").Attr("value", date).Raw("><button type=\"submit\" class=\"danger\">")
                    .Raw(t["web.remove_button"]).Raw("</button></form></td></tr>");
            }

            if (current.SpecialDays.Count == 0)
            {
                h.Raw("<tr><td colspan=\"3\" class=\"muted\">").Raw(t.Stripped("settings.holidays_empty")).Raw("</td></tr>");
            }

            h.Raw("</tbody></table><h2>").Raw(t["web.day_new"]).Raw("</h2><form method=\"post\" class=\"stack box\" action=\"/panel/days\">").Raw(user.CsrfField)
                .Raw("<label>").Raw(t["web.day_date"]).Raw("<input type=\"date\" name=\"date\" required").Attr("min", PanelInput.Iso(current.Today)).Raw("></label>")
                .Raw("<label>").Raw(t["web.day_hours_input"]).Raw("<input name=\"hours\" placeholder=\"10:00-15:00\"></label>")
                .Raw("<div><button type=\"submit\" class=\"primary\">").Raw(t["web.save_button"]).Raw("</button></div></form>")
                .Raw("<p class=\"muted\">").Raw(t["web.days_hint"]).Raw("</p>");
            return PanelLayout.Page(user, Path, t.Plain("web.nav_days"), h.ToString());
        }).Needs(Permission.ManageSettings);

        panel.MapPost("/days", async (HttpContext http, SetSpecialDay.Handler special) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!PanelInput.TryDate(form["date"], out var date))
            {
                return Results.Redirect(Path + "?done=bad_date");
            }

            var text = form["hours"].ToString().Trim();
            var (opens, closes) = (default(TimeOnly?), default(TimeOnly?));
            if (text is not ("" or "-"))
            {
                if (!HoursInput.TryParse(text, out var o, out var c))
                {
                    return Results.Redirect(Path + "?done=bad_hours");
                }

                (opens, closes) = (o, c);
            }

            var result = await special.HandleAsync(new SetSpecialDay.Request(PanelUser.From(http).AdminId, date, opens, closes), http.RequestAborted);
            return Results.Redirect(Path + result.Outcome switch
            {
                SetSpecialDay.Outcome.Saved => $"?done=saved&date={PanelInput.Iso(date)}&count={result.BookingsThatDay}",
                SetSpecialDay.Outcome.InPast => "?done=past_date",
                _ => "?done=bad_hours",
            });
        }).Needs(Permission.ManageSettings);

        panel.MapPost("/days/remove", async (HttpContext http, RemoveSpecialDay.Handler remove) =>
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            if (!PanelInput.TryDate(form["date"], out var date))
            {
                return Results.Redirect(Path);
            }

            var outcome = await remove.HandleAsync(PanelUser.From(http).AdminId, date, http.RequestAborted);
            return Results.Redirect(Path + (outcome == RemoveSpecialDay.Outcome.Removed ? $"?done=removed&date={PanelInput.Iso(date)}" : "?done=gone"));
        }).Needs(Permission.ManageSettings);
    }

    /// <summary>The bot's own lines for what just happened, and its warning when the date already has bookings.</summary>
    private static string Notice(PanelUser user, HttpRequest request, IReadOnlyList<SpecialDay> days)
    {
        var t = user.T;
        var q = request.Query;
        var date = PanelInput.TryDate(q["date"], out var d) ? d : (DateOnly?)null;
        switch (q["done"].ToString())
        {
            case "saved" when date is { } saved && days.FirstOrDefault(x => x.Date == saved) is { } day:
                var h = new Html().Raw("<p class=\"flash\" role=\"status\">")
                    .Raw(PanelTexts.FromTelegram(t.Bot.Format("settings.holiday_saved", ("date", t.Formats.Date(saved)), ("hours", OpeningHoursScreens.SpecialHours(t.Bot, day.Opens, day.Closes)))))
                    .Raw("</p>");
                if (int.TryParse(q["count"], CultureInfo.InvariantCulture, out var count) && count > 0)
                {
                    h.Raw("<p class=\"notice\" role=\"alert\">").Raw(PanelTexts.FromTelegram(t.Bot.Format("settings.holiday_bookings", ("count", count))))
                        .Raw(" <a").Attr("href", $"/panel/bookings?from={PanelInput.Iso(saved)}&to={PanelInput.Iso(saved)}&status=Confirmed").Raw(">").Raw(t["web.day_open_bookings"]).Raw("</a></p>");
                }

                return h.ToString();
            case "removed" when date is { } removed:
                return $"<p class=\"flash\" role=\"status\">{PanelTexts.FromTelegram(t.Bot.Format("settings.holiday_removed", ("date", t.Formats.Date(removed))))}</p>";
            case "gone":
                return $"<p class=\"notice\" role=\"alert\">{t.Stripped("settings.holiday_not_found")}</p>";
            case "bad_date" or "past_date" or "bad_hours":
                return $"<p class=\"notice\" role=\"alert\">{t.Stripped("settings." + q["done"])}</p>";
            default:
                return string.Empty;
        }
    }

    private static string Hours(PanelUser user, TimeOnly? opens, TimeOnly? closes) => Html.Encode(OpeningHoursScreens.SpecialHours(user.T.Bot, opens, closes));

}
