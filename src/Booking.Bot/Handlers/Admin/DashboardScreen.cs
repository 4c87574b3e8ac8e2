using System.Globalization;
using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Analytics;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A2: the dashboard, one period at a time; the figures are defined in <see cref="GetDashboard.Result"/>.</summary>
public sealed class DashboardScreen(Replies replies, GetDashboard.Handler dashboard)
{
    private static readonly (DashboardPeriod Period, string Button, string Name)[] Periods =
    [
        (DashboardPeriod.Today, "dashboard.today_button", "dashboard.period_today"),
        (DashboardPeriod.Week, "dashboard.week_button", "dashboard.period_week"),
        (DashboardPeriod.Month, "dashboard.month_button", "dashboard.period_month"),
        (DashboardPeriod.AllTime, "dashboard.all_button", "dashboard.period_all"),
    ];

    public async Task ShowAsync(UpdateContext ctx, DashboardPeriod period, CancellationToken ct)
    {
        var t = ctx.Texts;
        var d = await dashboard.HandleAsync(period, ct);
        var parts = new List<string> { Figures(ctx, d) };
        if (d.TopClients.Count > 0)
        {
            parts.Add(t["dashboard.top_title"] + "\n" + string.Join("\n", d.TopClients.Select((c, i) =>
                t.Format("dashboard.top_item", ("index", i + 1), ("name", c.Name), ("visits", c.Visits)))));
        }

        if (d.Advice.Count > 0)
        {
            parts.Add(t["dashboard.advice_title"] + "\n" + string.Join("\n", d.Advice.Select(a => a switch
            {
                GetDashboard.Advice.LowLoad => t.Format("dashboard.advice_low_load", ("percent", GetDashboard.LowLoadPercent)),
                GetDashboard.Advice.ManyCancellations => t["dashboard.advice_cancellations"],
                _ => t["dashboard.advice_no_shows"],
            })));
        }

        var buttons = Periods.Select(p => Keyboards.Button(
            p.Period == period ? t.Format("dashboard.current_button", ("label", t[p.Button])) : t[p.Button], new ShowDashboard(p.Period)));
        var markup = new InlineKeyboardMarkup([buttons.Take(2).ToArray(), buttons.Skip(2).ToArray(), [AdminPanel.BackButton(t)]]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, string.Join("\n\n", parts), markup, ct);
    }

    private static string Figures(UpdateContext ctx, GetDashboard.Result d)
    {
        var (t, f) = (ctx.Texts, ctx.Formats);
        var name = t[Periods.Single(p => p.Period == d.Period).Name];
        var lines = new List<string>
        {
            t.Format("dashboard.title", ("period", name), ("from", f.Date(d.From)), ("to", f.Date(d.To))),
            string.Empty,
            t.Format("dashboard.made", ("count", d.Made)),
            t.Format("dashboard.visits", ("completed", d.Completed), ("no_shows", d.NoShows), ("cancelled", d.Cancelled)),
        };
        if (d.AwaitingMark > 0)
        {
            lines.Add(t.Format("dashboard.awaiting", ("count", d.AwaitingMark)));
        }

        lines.Add(t.Format("dashboard.users", ("new", d.NewUsers), ("active", d.ActiveUsers)));
        lines.Add(d.Revenue.Count == 0 ? t["dashboard.revenue_none"] : t.Format("dashboard.revenue", ("amount", Money(f, d.Revenue))));
        lines.Add(d.Expected.Count == 0 ? t["dashboard.expected_none"]
            : d.ExpectedUntil is { } until ? t.Format("dashboard.expected", ("until", f.Date(until)), ("amount", Money(f, d.Expected)))
            : t.Format("dashboard.expected_all", ("amount", Money(f, d.Expected))));
        if (d.Prepaid.Count > 0)
        {
            lines.Add(t.Format("dashboard.prepaid", ("amount", Money(f, d.Prepaid))));
        }

        lines.Add(d.AverageRating is { } rating ? t.Format("dashboard.rating", ("rating", f.Rating(rating)), ("count", d.Reviews)) : t["dashboard.rating_none"]);
        lines.Add(d.Load.Load is { } load
            ? t.Format("dashboard.load", ("percent", Math.Round(load * 100).ToString(CultureInfo.InvariantCulture)), ("booked", Hours(t, d.Load.Booked)), ("open", Hours(t, d.Load.Open)))
            : t["dashboard.load_closed"]);
        return string.Join("\n", lines);
    }

    private static string Money(Formats f, IReadOnlyList<GetDashboard.Money> sums) => string.Join(" + ", sums.Select(m => f.Price(m.Amount, m.Currency)));

    private static string Hours(Texts.Texts t, long minutes) => (minutes / 60, minutes % 60) switch
    {
        (0, var m) => t.Format("format.minutes", ("minutes", m)),
        (var h, 0) => t.Format("format.hours", ("hours", h)),
        var (h, m) => t.Format("format.hours_minutes", ("hours", h), ("minutes", m)),
    };
}
