using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Audit;
using Booking.Core.Features.Export;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A11: the audit log, ten entries a page, newest first; filters by admin and by action; CSV export.</summary>
public sealed class AuditScreens(Replies replies, ListAuditEntries.Handler audit, ExportAuditLog.Handler export)
{
    public async Task ShowAsync(UpdateContext ctx, ShowAudit show, CancellationToken ct)
    {
        var t = ctx.Texts;
        var filter = new ListAuditEntries.Filter(show.ActorId, show.Action);
        var page = await audit.HandleAsync(filter, show.Page, ct);
        var parts = new List<string> { t.Format("audit.title", ("page", page.Page + 1), ("pages", page.Pages)) };
        if (show.ActorId is not null || show.Action is not null)
        {
            var who = show.ActorId is { } id ? page.Actors.FirstOrDefault(a => a.Id == id).Name ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
            parts.Add(t.Format("audit.filtered", ("filter", string.Join(" · ", new[] { who, show.Action }.Where(p => p is not null)))));
        }

        parts.Add(page.Entries.Count == 0 ? t["audit.empty"] : string.Join("\n\n", page.Entries.Select(e => Entry(ctx, e))));
        var rows = new List<InlineKeyboardButton[]>();
        var nav = new List<InlineKeyboardButton>();
        if (page.Page > 0)
        {
            nav.Add(Keyboards.Button("◀️", show with { Page = page.Page - 1 }));
        }

        if (page.Page < page.Pages - 1)
        {
            nav.Add(Keyboards.Button("▶️", show with { Page = page.Page + 1 }));
        }

        rows.Add([.. nav]);
        rows.Add([Keyboards.Button(t["audit.by_admin_button"], new PickAuditActor(show.Action)), Keyboards.Button(t["audit.by_action_button"], new PickAuditAction(show.ActorId))]);
        var last = new List<InlineKeyboardButton> { Keyboards.Button(t["audit.export_button"], new ExportAudit(show.ActorId, show.Action)) };
        if (show.ActorId is not null || show.Action is not null)
        {
            last.Add(Keyboards.Button(t["audit.clear_button"], new ShowAudit(0)));
        }

        last.Add(AdminPanel.BackButton(t));
        rows.Add([.. last]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, string.Join("\n\n", parts), new InlineKeyboardMarkup(rows.Where(r => r.Length > 0)), ct);
    }

    public async Task PickActorAsync(UpdateContext ctx, string? action, CancellationToken ct)
    {
        var t = ctx.Texts;
        var page = await audit.HandleAsync(new ListAuditEntries.Filter(), 0, ct);
        var rows = page.Actors
            .Select(a => Keyboards.Button(a.Name ?? a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new ShowAudit(0, a.Id, action)))
            .Prepend(Keyboards.Button(t["audit.all_button"], new ShowAudit(0, null, action)))
            .Chunk(2).ToList();
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["audit.pick_admin"], new InlineKeyboardMarkup(rows), ct);
    }

    public async Task PickActionAsync(UpdateContext ctx, long? actorId, CancellationToken ct)
    {
        var t = ctx.Texts;
        var page = await audit.HandleAsync(new ListAuditEntries.Filter(), 0, ct);
        var rows = page.Actions.Where(a => a.Length <= AdminCallback.MaxFilterAction)
            .Select(a => Keyboards.Button(a, new ShowAudit(0, actorId, a)))
            .Prepend(Keyboards.Button(t["audit.all_button"], new ShowAudit(0, actorId, null)))
            .Chunk(2).ToList();
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["audit.pick_action"], new InlineKeyboardMarkup(rows), ct);
    }

    public async Task ExportAsync(UpdateContext ctx, ExportAudit request, CancellationToken ct)
    {
        var file = await export.HandleAsync(new ListAuditEntries.Filter(request.ActorId, request.Action), ct);
        await replies.SendDocumentAsync(ctx.ChatId, file.FileName, file.Content, ctx.Texts.Format("audit.export_caption", ("rows", file.Rows)), ct);
    }

    private static string Entry(UpdateContext ctx, ListAuditEntries.Entry e)
    {
        var (t, f) = (ctx.Texts, ctx.Formats);
        var a = e.Audit;
        var text = t.Format("audit.entry", ("at", f.Date(a.AtUtc) + ", " + f.Time(a.AtUtc)), ("admin", new Texts.Raw(t.Format("admin.client", ("name", e.ActorName ?? "—"), ("id", a.ActorId)))),
            ("action", a.Action), ("target", a.Target));
        return a.Before is null && a.After is null ? text : text + "\n" + t.Format("audit.change", ("before", Clip(a.Before)), ("after", Clip(a.After)));
    }

    /// <summary>Ten entries must fit one Telegram message (4096 characters); the CSV export has everything.</summary>
    private static string Clip(string? json) => json is null ? "—" : json.Length <= MaxShown ? json : json[..MaxShown] + "…";

    private const int MaxShown = 120;
}
