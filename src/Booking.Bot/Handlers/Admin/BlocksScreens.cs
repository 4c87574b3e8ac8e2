using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Features.Blocks;
using Booking.Core.Scheduling;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A6: the upcoming blocks, each with a button to lift it, and the ways to add one (see <see cref="BlockWizard"/>).</summary>
public sealed class BlocksScreens(Replies replies, ListBlocks.Handler blocks, UnblockTime.Handler unblock, IConversationStore conversations)
{
    /// <summary>Enough for any real schedule on one screen; older blocks are not shown once they are over.</summary>
    private const int Shown = 30;

    public async Task ListAsync(UpdateContext ctx, string? notice, CancellationToken ct)
    {
        if (await conversations.GetAsync<BlockDraft>(ctx.ChatId, BlockDraft.Flow, ct) is not null)
        {
            await conversations.ClearAsync(ctx.ChatId, ct);
        }

        var t = ctx.Texts;
        var list = await blocks.HandleAsync(Shown, ct);
        var lines = list.Select(b => t.Format(b.Reason is null ? "blocks.line" : "blocks.line_reason",
            ("span", Span(ctx.Formats, b.StartUtc, b.EndUtc)), ("reason", b.Reason)));
        var body = list.Count == 0 ? t["blocks.empty"] : string.Join("\n", lines);
        var rows = list
            .Select(b => new[] { Keyboards.Button(t.Format("blocks.remove_button", ("span", Span(ctx.Formats, b.StartUtc, b.EndUtc))), new BlockRemove(b.Id)) })
            .Append([
                Keyboards.Button(t["blocks.slot_button"], new BlockStart('s')),
                Keyboards.Button(t["blocks.day_button"], new BlockStart('d')),
                Keyboards.Button(t["blocks.range_button"], new BlockStart('r'))])
            .Append([AdminPanel.BackButton(t)])
            .ToArray();
        var text = BookingWizard.Lines(notice, t["blocks.title"] + "\n\n" + body);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, new InlineKeyboardMarkup(rows), ct);
    }

    public async Task RemoveAsync(UpdateContext ctx, int blockId, CancellationToken ct)
    {
        var removed = await unblock.HandleAsync(ctx.ChatId, blockId, ct);
        await ListAsync(ctx, ctx.Texts[removed ? "blocks.removed" : "blocks.not_found"], ct);
    }

    /// <summary>
    /// A blocked span as people say it: "24 декабря (чт)" for a whole day, "24 … — 8 …" for several,
    /// "24 декабря (чт), 11:00–11:30" within a day.
    /// </summary>
    public static string Span(Formats f, DateTime startUtc, DateTime endUtc)
    {
        var start = LocalTime.ToLocal(startUtc, f.Zone);
        var end = LocalTime.ToLocal(endUtc, f.Zone);
        var (from, to) = (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        if (start.TimeOfDay == TimeSpan.Zero && end.TimeOfDay == TimeSpan.Zero)
        {
            var last = to.AddDays(-1);
            return last == from ? f.Date(from) : f.Date(from) + " — " + f.Date(last);
        }

        return from == to
            ? f.Date(from) + ", " + Formats.Time(TimeOnly.FromDateTime(start)) + "–" + Formats.Time(TimeOnly.FromDateTime(end))
            : f.DateTime(startUtc) + " — " + f.DateTime(endUtc);
    }
}
