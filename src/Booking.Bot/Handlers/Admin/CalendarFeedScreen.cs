using Booking.Bot.Callbacks;
using Booking.Bot.Hosting;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Calendar;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// X2: the admin's private iCal feed. Only the token's hash is kept, so the link can be shown once, right after it is
/// made; later the screen says since when a link exists and offers a new one (which cuts the old) or revoking it.
/// </summary>
public sealed class CalendarFeedScreen(Replies replies, ManageFeedLink.Handler links, IPublicAddress address)
{
    /// <summary>The path the host serves feeds under; the token is the file name.</summary>
    public static string PathOf(string token) => $"calendar/{token}.ics";

    public async Task ShowAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var created = await links.CreatedAsync(ctx.ChatId, ct);
        var text = created is { } at
            ? t.Format("calendar_feed.active", ("date", ctx.Formats.DateTime(at)))
            : t["calendar_feed.none"];
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["calendar_feed.title"] + "\n\n" + text, Buttons(ctx, created is not null), ct);
    }

    public async Task CreateAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var token = await links.CreateAsync(ctx.ChatId, ct);
        var url = address.Link(PathOf(token)).AbsoluteUri;
        ctx.Reply.Toast(t["calendar_feed.created_toast"]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format("calendar_feed.created", ("url", url)), Buttons(ctx, active: true), ct);
    }

    public async Task RevokeAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var revoked = await links.RevokeAsync(ctx.ChatId, ct);
        var text = t["calendar_feed.title"] + "\n\n" + t[revoked ? "calendar_feed.revoked" : "calendar_feed.none"];
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, Buttons(ctx, active: false), ct);
    }

    private static InlineKeyboardMarkup Buttons(UpdateContext ctx, bool active)
    {
        var t = ctx.Texts;
        return active
            ? Keyboards.Rows(
                [Keyboards.Button(t["calendar_feed.renew_button"], new NewCalendarFeed()), Keyboards.Button(t["calendar_feed.revoke_button"], new RevokeCalendarFeed())],
                [AdminPanel.BackButton(t)])
            : Keyboards.Rows([Keyboards.Button(t["calendar_feed.new_button"], new NewCalendarFeed())], [AdminPanel.BackButton(t)]);
    }
}
