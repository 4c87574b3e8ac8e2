using System.Globalization;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;
using Booking.Core.Features.Blocks;
using Booking.Core.Scheduling;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A6: blocked time — the list with a button to lift each, and closing a slot or whole days with a reason. Before
/// anything is closed the admin sees, as in the bot, how many bookings it would cancel; confirming goes through
/// <see cref="AdminBlocking"/>, the service the bot's wizard uses, so those clients are told in the bot word for word.
/// </summary>
public static class BlocksPage
{
    private const string Path = "/panel/blocks";

    /// <summary>As many as the bot's list shows.</summary>
    private const int Shown = 30;

    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/blocks", async (HttpContext http, ListBlocks.Handler blocks) =>
        {
            var user = PanelUser.From(http);
            var (t, f) = (user.T, user.T.Formats);
            var list = await blocks.HandleAsync(Shown, http.RequestAborted);
            var h = new Html().Raw(Notice(user, http.Request)).Raw("<table class=\"blocks\"><thead><tr><th>").Raw(t["web.block_when"]).Raw("</th><th>")
                .Raw(t["web.block_reason"]).Raw("</th><th>").Raw(t["web.col_actions"]).Raw("</th></tr></thead><tbody>");
            foreach (var b in list)
            {
                var id = b.Id.ToString(CultureInfo.InvariantCulture);
                h.Raw("<tr").Attr("data-block", id).Raw("><td>").Text(BlocksScreens.Span(f, b.StartUtc, b.EndUtc)).Raw("</td><td>").Text(b.Reason).Raw("</td><td>")
                    .Raw($"<form method=\"post\" class=\"inline\" action=\"/panel/blocks/{id}/remove\">").Raw(user.CsrfField)
                    .Raw("<button type=\"submit\">").Raw(t["web.unblock_button"]).Raw("</button></form></td></tr>");
            }

            if (list.Count == 0)
            {
                h.Raw("<tr><td colspan=\"3\" class=\"muted\">").Raw(t.Stripped("blocks.empty")).Raw("</td></tr>");
            }

            h.Raw("</tbody></table>").Raw(Forms(user));
            return PanelLayout.Page(user, Path, t.Plain("web.nav_blocks"), h.ToString());
        }).Needs(Permission.ManageSlots);

        panel.MapGet("/blocks/new", async (HttpContext http, AdminBlocking blocking, TimeProvider clock) =>
        {
            var user = PanelUser.From(http);
            var t = user.T;
            var q = http.Request.Query;
            var (span, problem) = Read(q, clock.GetUtcNow().UtcDateTime, t.Formats.Zone);
            if (span is not { } s)
            {
                return Results.Redirect(Path + "?done=" + problem);
            }

            var affected = await blocking.CountAffectedAsync(s.StartUtc, s.EndUtc, http.RequestAborted);
            var b = t.Bot;
            var impact = affected == 0 ? b["blocks.impact_none"] : b.Format("blocks.impact_some", ("count", affected));
            var confirm = b.Format("blocks.confirm", ("span", BlocksScreens.Span(t.Formats, s.StartUtc, s.EndUtc)), ("reason", s.Reason ?? b["blocks.no_reason"]), ("impact", impact));
            var h = new Html().Raw("<section class=\"box\"><p class=\"pre\">").Raw(PanelTexts.FromTelegram(confirm)).Raw("</p>")
                .Raw("<form method=\"post\" action=\"/panel/blocks\">").Raw(user.CsrfField);
            foreach (var field in Fields)
            {
                h.Raw("<input type=\"hidden\"").Attr("name", field).Attr("value", q[field].ToString()).Raw(">");
            }

            h.Raw("<button type=\"submit\" class=\"primary\">").Raw(t.Stripped("blocks.confirm_button")).Raw("</button> <a href=\"/panel/blocks\">")
                .Raw(t["web.back"]).Raw("</a></form></section>");
            return PanelLayout.Page(user, Path, t.Plain("web.nav_blocks"), h.ToString());
        }).Needs(Permission.ManageSlots);

        panel.MapPost("/blocks", async (HttpContext http, AdminBlocking blocking, TimeProvider clock) =>
        {
            var user = PanelUser.From(http);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (span, problem) = Read(form, clock.GetUtcNow().UtcDateTime, user.T.Formats.Zone);
            if (span is not { } s)
            {
                return Results.Redirect(Path + "?done=" + problem);
            }

            var (result, told) = await blocking.BlockAsync(user.AdminId, s.StartUtc, s.EndUtc, s.Reason, http.RequestAborted);
            if (result.Outcome != BlockTime.Outcome.Blocked)
            {
                return Results.Redirect(Path + "?done=" + (result.Outcome == BlockTime.Outcome.InPast ? "past" : "bad_reason"));
            }

            var b = result.Block!;
            return Results.Redirect(FormattableString.Invariant(
                $"{Path}?done=blocked&start={b.StartUtc.Ticks}&end={b.EndUtc.Ticks}&count={result.CancelledBookings!.Count}&told={told}"));
        }).Needs(Permission.ManageSlots);

        panel.MapPost("/blocks/{id:int}/remove", async (int id, HttpContext http, UnblockTime.Handler unblock) =>
        {
            var removed = await unblock.HandleAsync(PanelUser.From(http).AdminId, id, http.RequestAborted);
            return Results.Redirect(Path + "?done=" + (removed ? "removed" : "not_found"));
        }).Needs(Permission.ManageSlots);
    }

    private static readonly string[] Fields = ["kind", "date", "time", "minutes", "from", "to", "reason"];

    private sealed record Span(DateTime StartUtc, DateTime EndUtc, string? Reason);

    /// <summary>
    /// The block the form describes, checked as the bot's wizard checks typed answers (a slot of 15–720 minutes that
    /// has not started, days not all past, a reason of at most 256 characters), or the bot's key for what is wrong.
    /// </summary>
    private static (Span? Span, string Problem) Read(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> input, DateTime nowUtc, TimeZoneInfo zone)
    {
        var v = input.ToDictionary(p => p.Key, p => p.Value.ToString().Trim(), StringComparer.Ordinal);
        string Get(string name) => v.GetValueOrDefault(name, string.Empty);
        var reason = Get("reason") is { Length: > 0 } r ? r : null;
        if (!Block.IsValidReason(reason))
        {
            return (null, "bad_reason");
        }

        var today = LocalTime.Today(nowUtc, zone);
        if (Get("kind") == "slot")
        {
            if (!PanelInput.TryDate(Get("date"), out var date) || !LocalInput.TryTime(Get("time"), out var at))
            {
                return (null, "bad_date_time");
            }

            if (!int.TryParse(Get("minutes"), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes is < AdminBlocking.MinMinutes or > AdminBlocking.MaxMinutes)
            {
                return (null, "bad_length");
            }

            var slot = AdminBlocking.Slot(date, at, minutes, zone);
            return slot.StartUtc <= nowUtc ? (null, "past") : (new Span(slot.StartUtc, slot.EndUtc, reason), string.Empty);
        }

        if (!PanelInput.TryDate(Get("from"), out var from))
        {
            return (null, "bad_date");
        }

        var to = from;
        if (Get("to").Length > 0 && (!PanelInput.TryDate(Get("to"), out to) || to < from))
        {
            return (null, "bad_range");
        }

        var days = AdminBlocking.Days(from, to, zone);
        return to < today ? (null, "past") : (new Span(days.StartUtc, days.EndUtc, reason), string.Empty);
    }

    private static string Forms(PanelUser user)
    {
        var t = user.T;
        var h = new Html().Raw("<div class=\"columns\"><form method=\"get\" class=\"stack box\" action=\"/panel/blocks/new\"><h2>").Raw(t["web.block_slot_title"])
            .Raw("</h2><input type=\"hidden\" name=\"kind\" value=\"slot\"><label>").Raw(t["web.block_date"]).Raw("<input type=\"date\" name=\"date\" required></label>")
            .Raw("<label>").Raw(t["web.block_time"]).Raw("<input type=\"time\" name=\"time\" required></label>")
            .Raw("<label>").Raw(t["web.block_minutes"]).Raw("<input type=\"number\" name=\"minutes\" value=\"60\" required")
            .Attr("min", AdminBlocking.MinMinutes.ToString(CultureInfo.InvariantCulture)).Attr("max", AdminBlocking.MaxMinutes.ToString(CultureInfo.InvariantCulture)).Raw("></label>")
            .Raw(ReasonField(t)).Raw("<div><button type=\"submit\" class=\"primary\">").Raw(t["web.block_next"]).Raw("</button></div></form>")
            .Raw("<form method=\"get\" class=\"stack box\" action=\"/panel/blocks/new\"><h2>").Raw(t["web.block_days_title"])
            .Raw("</h2><input type=\"hidden\" name=\"kind\" value=\"days\"><label>").Raw(t["web.block_from"]).Raw("<input type=\"date\" name=\"from\" required></label>")
            .Raw("<label>").Raw(t["web.block_to"]).Raw("<input type=\"date\" name=\"to\"></label>")
            .Raw(ReasonField(t)).Raw("<div><button type=\"submit\" class=\"primary\">").Raw(t["web.block_next"]).Raw("</button></div></form></div>");
        return h.ToString();
    }

    private static string ReasonField(PanelTexts t) =>
        $"<label>{t["web.block_reason_input"]}<input name=\"reason\" maxlength=\"{Block.MaxReasonLength}\"></label>";

    private static string Notice(PanelUser user, HttpRequest request)
    {
        var (t, q) = (user.T, request.Query);
        var done = q["done"].ToString();
        switch (done)
        {
            case "blocked" when long.TryParse(q["start"], CultureInfo.InvariantCulture, out var start) && long.TryParse(q["end"], CultureInfo.InvariantCulture, out var end)
                && start is > 0 && end > start && end < DateTime.MaxValue.Ticks:
                var count = int.TryParse(q["count"], CultureInfo.InvariantCulture, out var c) ? c : 0;
                var told = int.TryParse(q["told"], CultureInfo.InvariantCulture, out var n) ? n : 0;
                var span = BlocksScreens.Span(t.Formats, new DateTime(start, DateTimeKind.Utc), new DateTime(end, DateTimeKind.Utc));
                var h = new Html().Raw("<p class=\"flash\" role=\"status\">")
                    .Raw(PanelTexts.FromTelegram(t.Bot.Format(count == 0 ? "blocks.done_none" : "blocks.done", ("span", span), ("count", count)))).Raw("</p>");
                return told < count ? h.Raw("<p class=\"notice\" role=\"alert\">").Raw(t.Format("web.block_not_told", ("count", count - told))).Raw("</p>").ToString() : h.ToString();
            case "removed" or "not_found":
                return $"<p class=\"{(done == "removed" ? "flash" : "notice")}\" role=\"status\">{t.Stripped("blocks." + done)}</p>";
            case "bad_date_time" or "bad_date" or "bad_range" or "bad_length" or "bad_reason" or "past":
                return $"<p class=\"notice\" role=\"alert\">{t.Stripped("blocks." + done)}</p>";
            default:
                return string.Empty;
        }
    }
}
