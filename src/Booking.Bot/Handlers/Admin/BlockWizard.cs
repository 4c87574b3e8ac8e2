using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Blocks;
using Booking.Core.Scheduling;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A block being drafted: <see cref="Kind"/> s (a slot), d (a day) or r (a range of days); <see cref="Step"/> w (when),
/// l (length, slots only), r (reason) or c (confirm). Dates and times are local to the business.
/// </summary>
public sealed record BlockDraft(
    int MessageId, char Kind, char Step, DateOnly? From = null, DateOnly? To = null, TimeOnly? At = null, int? Minutes = null, string? Reason = null)
{
    public const string Flow = "admin-block";
}

/// <summary>A6: blocks a slot, a day or a range of days; overlapping bookings are cancelled and their clients told.</summary>
public sealed class BlockWizard(Replies replies, IConversationStore conversations, BlocksScreens screens, AdminBlocking blocking)
{
    private static readonly int[] Lengths = [30, 60, 90, 120, 180, 240];

    public Task StartAsync(UpdateContext ctx, char kind, CancellationToken ct) =>
        AskAsync(ctx, new BlockDraft(ctx.SourceMessageId ?? 0, kind, 'w'), null, ct);

    /// <summary>A typed answer to the current question; false when no block is being drafted.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<BlockDraft>(ctx.ChatId, BlockDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        var (next, error) = Read(ctx, draft, text);
        await AskAsync(ctx, next ?? draft, error is null ? null : ctx.Texts[error], ct);
        return true;
    }

    public Task LengthAsync(UpdateContext ctx, int minutes, CancellationToken ct) => TapAsync(ctx, 'l', d => d with { Minutes = minutes, Step = 'r' }, ct);

    public Task SkipReasonAsync(UpdateContext ctx, CancellationToken ct) => TapAsync(ctx, 'r', d => d with { Reason = null, Step = 'c' }, ct);

    public async Task ConfirmAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<BlockDraft>(ctx.ChatId, BlockDraft.Flow, ct);
        if (draft is not { Step: 'c' })
        {
            await screens.ListAsync(ctx, ctx.Texts["blocks.nothing_pending"], ct);
            return;
        }

        var (start, end) = Bounds(draft, ctx.Formats.Zone);
        var (result, _) = await blocking.BlockAsync(ctx.ChatId, start, end, draft.Reason, ct);
        if (result.Outcome != BlockTime.Outcome.Blocked)
        {
            await AskAsync(ctx, draft with { Step = 'w' }, ctx.Texts["blocks.past"], ct);
            return;
        }

        var count = result.CancelledBookings!.Count;
        var span = BlocksScreens.Span(ctx.Formats, start, end);
        var notice = ctx.Texts.Format(count == 0 ? "blocks.done_none" : "blocks.done", ("span", span), ("count", count));
        await screens.ListAsync(ctx, notice, ct);
    }

    /// <summary>/cancel: closes the draft's message; false when no block was being drafted.</summary>
    public async Task<bool> TryCancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<BlockDraft>(ctx.ChatId, BlockDraft.Flow, ct);
        if (draft is null)
        {
            return false;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.ShowAsync(ctx.ChatId, draft.MessageId, ctx.Texts["blocks.cancelled"], null, ct);
        return true;
    }

    /// <summary>The draft with the typed answer taken in and the next step set, or the key of what was wrong.</summary>
    private static (BlockDraft? Draft, string? Error) Read(UpdateContext ctx, BlockDraft d, string text)
    {
        var zone = ctx.Formats.Zone;
        var today = LocalTime.Today(ctx.NowUtc, zone);
        switch (d.Step, d.Kind)
        {
            case ('w', 's'):
                return !LocalInput.TryDateTime(text, today, out var date, out var at) ? (null, "blocks.bad_date_time")
                    : LocalTime.ToUtc(date, at, zone) <= ctx.NowUtc ? (null, "blocks.past")
                    : (d with { From = date, To = date, At = at, Step = 'l' }, null);
            case ('w', 'd'):
                return !LocalInput.TryDate(text, today, out var day) ? (null, "blocks.bad_date")
                    : day < today ? (null, "blocks.past")
                    : (d with { From = day, To = day, Step = 'r' }, null);
            case ('w', _):
                return !LocalInput.TryRange(text, today, out var from, out var to) ? (null, "blocks.bad_range")
                    : to < today ? (null, "blocks.past")
                    : (d with { From = from, To = to, Step = 'r' }, null);
            case ('l', _):
                return int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minutes)
                    && minutes is >= AdminBlocking.MinMinutes and <= AdminBlocking.MaxMinutes ? (d with { Minutes = minutes, Step = 'r' }, null) : (null, "blocks.bad_length");
            case ('r', _):
                var reason = text.Trim();
                return reason.Length is > 0 and <= Block.MaxReasonLength ? (d with { Reason = reason, Step = 'c' }, null) : (null, "blocks.bad_reason");
            default:
                return (null, null);
        }
    }

    private async Task TapAsync(UpdateContext ctx, char step, Func<BlockDraft, BlockDraft> answer, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<BlockDraft>(ctx.ChatId, BlockDraft.Flow, ct);
        if (draft is null)
        {
            await screens.ListAsync(ctx, null, ct);
            return;
        }

        await AskAsync(ctx, draft.Step == step ? answer(draft) : draft, null, ct);
    }

    /// <summary>The block as UTC instants: a slot from its start for its length, days from local midnight to midnight.</summary>
    private static (DateTime Start, DateTime End) Bounds(BlockDraft d, TimeZoneInfo zone) => d.Kind == 's'
        ? AdminBlocking.Slot(d.From!.Value, d.At!.Value, d.Minutes!.Value, zone)
        : AdminBlocking.Days(d.From!.Value, d.To!.Value, zone);

    /// <summary>Asks the draft's question: a tap edits the message in place, a typed answer gets a fresh one below it.</summary>
    private async Task AskAsync(UpdateContext ctx, BlockDraft d, string? problem, CancellationToken ct)
    {
        var t = ctx.Texts;
        var rows = new List<InlineKeyboardButton[]>();
        string question;
        if (d.Step == 'w')
        {
            question = t["blocks.ask_" + d.Kind switch { 's' => "slot", 'd' => "day", _ => "range" }];
        }
        else if (d.Step == 'l')
        {
            question = t.Format("blocks.ask_length", ("start", ctx.Formats.Date(d.From!.Value) + ", " + Formats.Time(d.At!.Value)));
            rows.AddRange(Lengths.Select(m => Keyboards.Button(ctx.Formats.Duration(m), new BlockLengthPick(m))).Chunk(3));
        }
        else
        {
            var (start, end) = Bounds(d, ctx.Formats.Zone);
            var span = BlocksScreens.Span(ctx.Formats, start, end);
            if (d.Step == 'r')
            {
                question = t.Format("blocks.ask_reason", ("span", span));
                rows.Add([Keyboards.Button(t["blocks.skip_reason_button"], new BlockReasonSkip())]);
            }
            else
            {
                var affected = await blocking.CountAffectedAsync(start, end, ct);
                var impact = affected == 0 ? t["blocks.impact_none"] : t.Format("blocks.impact_some", ("count", affected));
                question = t.Format("blocks.confirm", ("span", span), ("reason", d.Reason ?? t["blocks.no_reason"]), ("impact", impact));
                rows.Add([Keyboards.Button(t["blocks.confirm_button"], new BlockConfirm())]);
            }
        }

        rows.Add([Keyboards.Button(t["blocks.cancel_button"], new AdminBlocks())]);
        if (ctx.SourceMessageId is null && d.MessageId != 0)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, d.MessageId, ct);
        }

        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(problem, question), new InlineKeyboardMarkup(rows), ct);
        await conversations.SetAsync(ctx.ChatId, BlockDraft.Flow, d with { MessageId = messageId }, ct);
    }
}
