using Booking.Bot.Hosting;
using Booking.Bot.Receiving;
using Booking.Core.Features.Panel;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// X1: /web gives an admin a one-time link to the web panel, valid for ten minutes. The message goes out with link
/// previews off (as every message, see <see cref="Replies"/>), and opening the link only shows a "Sign in" button:
/// the link is spent by that button's POST, so a preview fetch could not burn it anyway.
/// </summary>
public sealed class WebLoginCommand(IssuePanelLogin.Handler issue, IPublicAddress address, Replies replies, MenuCommands menu)
{
    public async Task SendLinkAsync(UpdateContext ctx, CancellationToken ct)
    {
        var issued = await issue.HandleAsync(ctx.ChatId, ct);
        if (issued.Token is null)
        {
            await menu.UnknownAsync(ctx, ct);
            return;
        }

        var link = address.Link("panel/login?token=" + issued.Token);
        var text = ctx.Texts.Format("web.link", ("link", link.AbsoluteUri), ("minutes", (int)IssuePanelLogin.Lifetime.TotalMinutes));
        await replies.SendAsync(ctx.ChatId, text, null, ct);
    }
}
