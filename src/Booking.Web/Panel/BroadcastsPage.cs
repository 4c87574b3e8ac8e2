using System.Globalization;
using Booking.Bot.Broadcasts;
using Booking.Bot.Handlers.Admin;
using Booking.Core.Domain;
using Booking.Core.Features.Broadcasts;

namespace Booking.Web.Panel;

/// <summary>
/// X1/A7: broadcasts — write the message, choose the bot's audiences, see it exactly as clients will with the number
/// of recipients, send; and the latest broadcasts with their delivery progress. Sending is the bot's: the same
/// <see cref="CreateBroadcast"/> queues it (audited there) and <see cref="BroadcastWorker"/> is woken to send it
/// within Telegram's limits; the final report reaches the admin in the bot, as after a broadcast from the bot.
/// </summary>
public static class BroadcastsPage
{
    private const string Path = "/panel/broadcasts";

    /// <summary>The latest broadcasts shown; older ones stay in the audit log.</summary>
    private const int Shown = 20;

    public static void Map(RouteGroupBuilder panel)
    {
        panel.MapGet("/broadcasts", async (HttpContext http, ListBroadcasts.Handler list) =>
        {
            var user = PanelUser.From(http);
            var h = new Html().Raw(Notice(user, http.Request)).Raw(Compose(user, null, Audience.All))
                .Raw(await HistoryAsync(user, list, http.RequestAborted));
            return PanelLayout.Page(user, Path, user.T.Plain("web.nav_broadcasts"), h.ToString());
        }).Needs(Permission.Broadcast);

        panel.MapPost("/broadcasts/preview", async (HttpContext http, SelectAudience.Handler audiences) =>
        {
            var user = PanelUser.From(http);
            var t = user.T;
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (text, audience) = (Text(form), Parse(form["audience"]) ?? Audience.All);
            if (Problem(user, text) is { } problem)
            {
                return PanelLayout.Page(user, Path, t.Plain("web.nav_broadcasts"), problem + Compose(user, text, audience));
            }

            var count = await audiences.CountAsync(audience, http.RequestAborted);
            var who = BroadcastWizard.Describe(t.Bot, audience);
            var h = new Html().Raw("<section class=\"box preview\"><div class=\"message\">").Text(text).Raw("</div>");
            if (count == 0)
            {
                h.Raw("<p class=\"notice\" role=\"alert\">").Raw(PanelTexts.FromTelegram(t.Bot.Format("broadcast.nobody", ("audience", who)))).Raw("</p>");
            }
            else
            {
                h.Raw("<p>").Raw(PanelTexts.FromTelegram(t.Bot.Format("broadcast.preview", ("count", count), ("audience", who)))).Raw("</p>")
                    .Raw("<form method=\"post\" action=\"/panel/broadcasts\">").Raw(user.CsrfField)
                    .Raw("<input type=\"hidden\" name=\"text\"").Attr("value", text).Raw("><input type=\"hidden\" name=\"audience\"").Attr("value", Code(audience)).Raw(">")
                    .Raw("<button type=\"submit\" class=\"primary\">").Raw(PanelTexts.FromTelegram(t.Bot.Format("broadcast.send_button", ("count", count)))).Raw("</button></form>");
            }

            h.Raw("</section><h2>").Raw(t["web.broadcast_change"]).Raw("</h2>").Raw(Compose(user, text, audience));
            return PanelLayout.Page(user, Path, t.Plain("web.broadcast_preview_title"), h.ToString());
        }).Needs(Permission.Broadcast);

        panel.MapPost("/broadcasts", async (HttpContext http, CreateBroadcast.Handler create, BroadcastWorker worker) =>
        {
            var user = PanelUser.From(http);
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var (text, audience) = (Text(form), Parse(form["audience"]));
            if (audience is null || Problem(user, text) is not null)
            {
                return Results.Redirect(Path + "?done=invalid");
            }

            var result = await create.HandleAsync(new CreateBroadcast.Request(user.AdminId, text, audience, null), http.RequestAborted);
            if (result.Outcome != CreateBroadcast.Outcome.Created)
            {
                return Results.Redirect(Path + (result.Outcome == CreateBroadcast.Outcome.NoRecipients ? "?done=nobody&audience=" + Code(audience) : "?done=invalid"));
            }

            worker.Wake();
            return Results.Redirect(FormattableString.Invariant($"{Path}?done=started&id={result.BroadcastId}&count={result.Recipients}"));
        }).Needs(Permission.Broadcast);
    }

    /// <summary>The message as typed; browsers send a textarea's line breaks as CRLF, Telegram's are LF.</summary>
    private static string Text(IFormCollection form) => form["text"].ToString().ReplaceLineEndings("\n");

    /// <summary>What the bot would refuse to queue: an empty message, or one too long once escaped for Telegram.</summary>
    private static string? Problem(PanelUser user, string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return $"<p class=\"notice\" role=\"alert\">{user.T["web.broadcast_empty"]}</p>";
        }

        return BroadcastWizard.TooLong(text, out var length)
            ? $"<p class=\"notice\" role=\"alert\">{PanelTexts.FromTelegram(user.T.Bot.Format("broadcast.too_long", ("length", length), ("max", Broadcast.MaxTextLength)))}</p>"
            : null;
    }

    private static string Compose(PanelUser user, string? text, Audience chosen)
    {
        var t = user.T;
        var h = new Html().Raw("<form method=\"post\" class=\"stack box\" action=\"/panel/broadcasts/preview\">").Raw(user.CsrfField)
            .Raw("<p class=\"muted pre\">").Raw(t.Stripped("broadcast.compose")).Raw("</p><label>").Raw(t["web.broadcast_text"])
            .Raw("<textarea name=\"text\" required rows=\"6\">").Text(text).Raw("</textarea></label><fieldset><legend>").Raw(t["web.broadcast_audience"]).Raw("</legend>");
        IEnumerable<(Audience Audience, string Label)> choices =
        [
            (Audience.All, t.Stripped("broadcast.audience_all_button")),
            (Audience.WithFutureBookings, t.Stripped("broadcast.audience_future_button")),
            .. Audience.InactiveChoices.Select(d => (Audience.InactiveFor(d), PanelTexts.FromTelegram(t.Bot.Format("broadcast.audience_inactive_button", ("days", d))))),
        ];
        foreach (var (audience, label) in choices)
        {
            h.Raw("<label class=\"choice\"><input type=\"radio\" name=\"audience\"").Attr("value", Code(audience)).Raw(audience == chosen ? " checked>" : ">")
                .Raw(" ").Raw(label).Raw("</label>");
        }

        return h.Raw("<p class=\"muted\">").Raw(t["web.broadcast_audience_hint"]).Raw("</p></fieldset><div><button type=\"submit\" class=\"primary\">")
            .Raw(t["web.broadcast_preview_button"]).Raw("</button></div></form>").ToString();
    }

    private static async Task<string> HistoryAsync(PanelUser user, ListBroadcasts.Handler list, CancellationToken ct)
    {
        var (t, f) = (user.T, user.T.Formats);
        var items = await list.HandleAsync(Shown, ct);
        var h = new Html().Raw("<h2>").Raw(t["web.broadcast_history"]).Raw("</h2><table class=\"broadcasts\"><thead><tr><th>").Raw(t["web.broadcast_number"]).Raw("</th><th>").Raw(t["web.col_when"])
            .Raw("</th><th>").Raw(t["web.broadcast_audience"]).Raw("</th><th>").Raw(t["web.broadcast_text"]).Raw("</th><th>").Raw(t["web.broadcast_progress"])
            .Raw("</th></tr></thead><tbody>");
        foreach (var b in items)
        {
            var progress = t.Format("web.broadcast_counts", ("done", b.Done), ("total", b.Total), ("sent", b.Sent), ("blocked", b.Blocked), ("failed", b.Failed));
            // data-sending: panel.js keeps this table up to date while any row still has it.
            h.Raw("<tr").Attr("data-broadcast", b.Id.ToString(CultureInfo.InvariantCulture)).Raw(b.Status == BroadcastStatus.Done ? "><td>" : " data-sending><td>").Text(b.Id.ToString(CultureInfo.InvariantCulture))
                .Raw("</td><td>").Raw(f.DateTime(b.CreatedUtc)).Raw("</td><td>").Text(BroadcastWizard.Describe(t.Bot, b.Audience)).Raw("</td><td>")
                .Text(b.Text.Length > 120 ? b.Text[..120] + "…" : b.Text).Raw("</td><td><progress")
                .Attr("max", b.Total.ToString(CultureInfo.InvariantCulture)).Attr("value", b.Done.ToString(CultureInfo.InvariantCulture)).Raw("></progress> ")
                .Raw(progress).Raw("<br><span class=\"muted\">").Raw(t[b.Status == BroadcastStatus.Done ? "web.broadcast_done" : "web.broadcast_sending"]).Raw("</span></td></tr>");
        }

        if (items.Count == 0)
        {
            h.Raw("<tr><td colspan=\"5\" class=\"muted\">").Raw(t["web.broadcast_none"]).Raw("</td></tr>");
        }

        return h.Raw("</tbody></table><p class=\"muted\">").Raw(t["web.broadcast_history_hint"]).Raw("</p>").ToString();
    }

    private static string Notice(PanelUser user, HttpRequest request)
    {
        var (t, q) = (user.T, request.Query);
        return q["done"].ToString() switch
        {
            "started" when int.TryParse(q["id"], CultureInfo.InvariantCulture, out var id) && int.TryParse(q["count"], CultureInfo.InvariantCulture, out var count) =>
                $"<p class=\"flash\" role=\"status\">{t.Format("web.broadcast_started", ("id", id), ("count", count))}</p>",
            "nobody" when Parse(q["audience"]) is { } audience =>
                $"<p class=\"notice\" role=\"alert\">{PanelTexts.FromTelegram(t.Bot.Format("broadcast.nobody", ("audience", BroadcastWizard.Describe(t.Bot, audience))))}</p>",
            "invalid" => $"<p class=\"notice\" role=\"alert\">{t["web.broadcast_empty"]}</p>",
            _ => string.Empty,
        };
    }

    /// <summary>An audience as a form value: all, future, inactive-30 (only the bot's choices of days).</summary>
    private static string Code(Audience a) => a.Kind switch
    {
        AudienceKind.WithFutureBookings => "future",
        AudienceKind.Inactive => "inactive-" + a.InactiveDays.ToString(CultureInfo.InvariantCulture),
        _ => "all",
    };

    private static Audience? Parse(string? code) => code switch
    {
        "all" => Audience.All,
        "future" => Audience.WithFutureBookings,
        _ when code?.StartsWith("inactive-", StringComparison.Ordinal) == true
            && int.TryParse(code["inactive-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var days) && Audience.InactiveChoices.Contains(days) => Audience.InactiveFor(days),
        _ => null,
    };
}
