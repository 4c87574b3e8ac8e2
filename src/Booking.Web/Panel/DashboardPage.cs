using System.Globalization;
using Booking.Core.Domain;
using Booking.Core.Features.Analytics;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Payments;

namespace Booking.Web.Panel;

/// <summary>X1/A2: the dashboard's figures for today, 7 and 30 days side by side, and day-by-day charts.</summary>
public static class DashboardPage
{
    public const int ChartDaysBack = 30;
    public const int ChartDaysAhead = 7;

    public static void Map(RouteGroupBuilder panel) =>
        panel.MapGet("/", async (HttpContext http, GetDashboard.Handler dashboard, GetDailyFigures.Handler daily, GetBookingsVersion.Handler version, ListRefundsDue.Handler refunds) =>
        {
            var user = PanelUser.From(http);
            var ct = http.RequestAborted;
            var v = await version.HandleAsync(ct);
            var periods = new List<GetDashboard.Result>();
            foreach (var period in new[] { DashboardPeriod.Today, DashboardPeriod.Week, DashboardPeriod.Month })
            {
                periods.Add(await dashboard.HandleAsync(period, ct));
            }

            var figures = await daily.HandleAsync(ChartDaysBack, ChartDaysAhead, ct);
            var body = PanelLayout.Flash(user, http.Request) + Refunds(user, await refunds.HandleAsync(ct)) + Table(user, periods) + Charts(user, figures);
            return PanelLayout.Page(user, "/panel/", user.T.Plain("web.nav_dashboard"), body, version: v);
        }).Needs(Permission.ViewDashboard);

    /// <summary>
    /// X3: deposits owed back, on top of the dashboard until an admin marks each as returned (the refund itself is made
    /// in the provider's dashboard, by the payment id shown here).
    /// </summary>
    private static string Refunds(PanelUser user, IReadOnlyList<ListRefundsDue.Item> items)
    {
        if (items.Count == 0)
        {
            return string.Empty;
        }

        var (t, f) = (user.T, user.T.Formats);
        var h = new Html().Raw("<section class=\"box refunds\"><h2>").Raw(t["web.refunds_title"]).Raw("</h2><table><tbody>");
        foreach (var r in items)
        {
            h.Raw("<tr").Attr("data-booking", r.BookingId.ToString(CultureInfo.InvariantCulture)).Raw("><td>").Raw(f.DateTime(r.StartUtc)).Raw("</td>")
                .Tag("td", r.Service).Tag("td", r.Client).Raw("<td>").Raw(f.Price(r.Paid, r.Currency)).Raw("</td><td><code>").Text(r.Payment ?? "—").Raw("</code></td><td>");
            if (user.Can(Permission.ManageBookings))
            {
                h.Raw("<form method=\"post\" class=\"inline\"").Attr("action", FormattableString.Invariant($"/panel/bookings/{r.BookingId}/refunded")).Raw(">")
                    .Raw(user.CsrfField).Raw("<button type=\"submit\">").Raw(t.Stripped("schedule.refund_button")).Raw("</button></form>");
            }

            h.Raw("</td></tr>");
        }

        return h.Raw("</tbody></table><p class=\"muted\">").Raw(t["web.refunds_hint"]).Raw("</p></section>").ToString();
    }

    private static string Table(PanelUser user, List<GetDashboard.Result> periods)
    {
        var (t, f) = (user.T, user.T.Formats);
        var h = new Html().Raw("<section class=\"box\"><table class=\"figures-table\"><thead><tr><th></th>")
            .Raw($"<th>{t["web.period_today"]}</th><th>{t["web.period_week"]}</th><th>{t["web.period_month"]}</th></tr></thead><tbody>");
        void Row(string key, Func<GetDashboard.Result, string> cell)
        {
            h.Raw("<tr><th>").Raw(t[key]).Raw("</th>");
            foreach (var p in periods)
            {
                h.Raw("<td>").Raw(cell(p)).Raw("</td>");
            }

            h.Raw("</tr>");
        }

        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        string Money(IReadOnlyList<GetDashboard.Money> m) => m.Count == 0 ? "—" : string.Join(", ", m.Select(x => f.Price(x.Amount, x.Currency)));
        Row("web.fig_made", p => N(p.Made));
        Row("web.fig_completed", p => N(p.Completed));
        Row("web.fig_cancelled", p => N(p.Cancelled));
        Row("web.fig_no_shows", p => N(p.NoShows));
        Row("web.fig_new_users", p => N(p.NewUsers));
        Row("web.fig_active_users", p => N(p.ActiveUsers));
        Row("web.fig_revenue", p => Money(p.Revenue));
        Row("web.fig_expected", p => Money(p.Expected));
        if (periods.Any(p => p.Prepaid.Count > 0))
        {
            Row("web.fig_prepaid", p => Money(p.Prepaid));
        }

        Row("web.fig_rating", p => p.AverageRating is { } r ? f.Rating(r) + " (" + N(p.Reviews) + ")" : "—");
        Row("web.fig_load", p => p.Load.Load is { } l ? Math.Round(l * 100).ToString(CultureInfo.InvariantCulture) + " %" : "—");
        return h.Raw("</tbody></table></section>").ToString();
    }

    private static string Charts(PanelUser user, GetDailyFigures.Result figures)
    {
        var t = user.T;
        List<SvgChart.Bar> Bars(Func<GetDailyFigures.Day, double> value) => figures.Days
            .Select(d => new SvgChart.Bar(d.Date.ToString("dd.MM", CultureInfo.InvariantCulture), value(d), d.Date == figures.Today, d.Date > figures.Today))
            .ToList();
        static string Whole(double v) => Math.Round(v).ToString(CultureInfo.InvariantCulture);
        var caption = t.Format("web.chart_caption", ("from", figures.Days[0].Date.ToString("dd.MM", CultureInfo.InvariantCulture)),
            ("to", figures.Days[^1].Date.ToString("dd.MM", CultureInfo.InvariantCulture)));
        return "<h2>" + t["web.charts_title"] + "</h2><p class=\"muted\">" + caption + "</p><div class=\"charts\">"
            + SvgChart.Bars(t["web.chart_visits"], Bars(d => d.Visits), Whole, "#2563eb")
            + SvgChart.Bars(t.Format("web.chart_revenue", ("currency", figures.Currency)), Bars(d => (double)d.Revenue), Whole, "#15803d")
            + SvgChart.Bars(t["web.chart_load"], Bars(d => (d.Load ?? 0) * 100), v => Whole(v) + " %", "#d97706")
            + SvgChart.Bars(t["web.chart_cancelled"], Bars(d => d.Cancelled), Whole, "#b91c1c")
            + "</div>";
    }
}
