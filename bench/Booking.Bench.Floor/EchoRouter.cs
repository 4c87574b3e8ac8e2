using System.Net;
using Booking.Bot.Receiving;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bench.Floor;

/// <summary>
/// The floor: replaces the bot's router and only echoes, so an update still travels the polling worker, the chat
/// lanes and the pipeline (scope, update_id mark, client registration) but meets none of the booking logic.
/// A text is answered with one message carrying a button; a press with an edit and a callback answer — the same
/// requests the real screens make.
/// </summary>
public sealed class EchoRouter(Replies replies) : IUpdateRouter
{
    /// <summary>The one button of every echo: how a harness tells the floor's answers from the bot's screens.</summary>
    public const string ButtonText = "echo";

    private static readonly InlineKeyboardMarkup Markup = new(InlineKeyboardButton.WithCallbackData(ButtonText, "nop"));

    public async Task RouteAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (ctx.Query is { } query)
        {
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, WebUtility.HtmlEncode(query.Data ?? ""), Markup, ct);
            await replies.AnswerAsync(query.Id, null, alert: false, ct);
            return;
        }

        await replies.SendAsync(ctx.ChatId, WebUtility.HtmlEncode(ctx.Update.Message?.Text ?? "?"), Markup, ct);
    }
}
