using Booking.Bot.Broadcasts;
using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Broadcasts;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>What the broadcast composer holds: the typed text, then the chosen audience. Survives restarts.</summary>
public sealed record BroadcastDraft(int MessageId, string? Text = null, Audience? Audience = null)
{
    public const string Flow = "admin-broadcast";
}

/// <summary>
/// A7: the admin types the text, picks the audience, sees the exact message with the number of recipients, and
/// confirms. Sending happens in <see cref="BroadcastWorker"/>; this only queues it.
/// </summary>
public sealed class BroadcastWizard(
    Replies replies, IConversationStore conversations, AdminPanel panel, SelectAudience.Handler audiences, CreateBroadcast.Handler create,
    BroadcastWorker worker)
{
    public async Task StartAsync(UpdateContext ctx, CancellationToken ct)
    {
        var markup = Keyboards.Rows([Keyboards.Button(ctx.Texts["broadcast.cancel_button"], new CancelBroadcast())]);
        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, ctx.Texts["broadcast.compose"], markup, ct);
        await conversations.SetAsync(ctx.ChatId, BroadcastDraft.Flow, new BroadcastDraft(messageId), ct);
    }

    /// <summary>The typed text of the broadcast (a new text replaces the old one); false when no broadcast is being composed.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        if (await conversations.GetAsync<BroadcastDraft>(ctx.ChatId, BroadcastDraft.Flow, ct) is not { } draft)
        {
            return false;
        }

        await replies.RemoveButtonsAsync(ctx.ChatId, draft.MessageId, ct);
        if (TooLong(text, out var length))
        {
            var problem = ctx.Texts.Format("broadcast.too_long", ("length", length), ("max", Broadcast.MaxTextLength));
            var markup = Keyboards.Rows([Keyboards.Button(ctx.Texts["broadcast.cancel_button"], new CancelBroadcast())]);
            var again = await replies.SendAsync(ctx.ChatId, BookingWizard.Lines(problem, ctx.Texts["broadcast.compose"]), markup, ct);
            await conversations.SetAsync(ctx.ChatId, BroadcastDraft.Flow, new BroadcastDraft(again), ct);
            return true;
        }

        var messageId = await replies.SendAsync(ctx.ChatId, ctx.Texts["broadcast.audience_question"], AudienceButtons(ctx.Texts), ct);
        await conversations.SetAsync(ctx.ChatId, BroadcastDraft.Flow, new BroadcastDraft(messageId, text), ct);
        return true;
    }

    /// <summary>Turns the picker into the exact message and asks, below it, whether to send it to that many clients.</summary>
    public async Task PickAudienceAsync(UpdateContext ctx, Audience audience, CancellationToken ct)
    {
        if (await OpenDraftAsync(ctx, ct) is not { } draft)
        {
            return;
        }

        var t = ctx.Texts;
        var count = await audiences.CountAsync(audience, ct);
        var who = Describe(t, audience);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, Texts.Texts.Escape(draft.Text), null, ct);
        var cancel = Keyboards.Button(t["broadcast.cancel_button"], new CancelBroadcast());
        var another = Keyboards.Button(t["broadcast.change_audience_button"], new ChangeBroadcastAudience());
        var (text, markup) = count == 0
            ? (t.Format("broadcast.nobody", ("audience", who)), Keyboards.Rows([another], [cancel]))
            : (t.Format("broadcast.preview", ("count", count), ("audience", who)),
                Keyboards.Rows([Keyboards.Button(t.Format("broadcast.send_button", ("count", count)), new ConfirmBroadcast())], [another], [cancel]));
        var messageId = await replies.SendAsync(ctx.ChatId, text, markup, ct);
        await conversations.SetAsync(ctx.ChatId, BroadcastDraft.Flow, draft with { MessageId = messageId, Audience = audience }, ct);
    }

    public async Task ChangeAudienceAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (await OpenDraftAsync(ctx, ct) is not { } draft)
        {
            return;
        }

        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, ctx.Texts["broadcast.audience_question"], AudienceButtons(ctx.Texts), ct);
        await conversations.SetAsync(ctx.ChatId, BroadcastDraft.Flow, draft with { MessageId = messageId, Audience = null }, ct);
    }

    /// <summary>Queues the broadcast; the recipients are chosen again now, so the count is the one actually sent to.</summary>
    public async Task ConfirmAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (await OpenDraftAsync(ctx, ct) is not { Audience: { } audience } draft)
        {
            return;
        }

        var t = ctx.Texts;
        var result = await create.HandleAsync(new CreateBroadcast.Request(ctx.ChatId, draft.Text!, audience, ctx.SourceMessageId), ct);
        if (result.Outcome != CreateBroadcast.Outcome.Created)
        {
            await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format("broadcast.nobody", ("audience", Describe(t, audience))),
                Keyboards.Rows([Keyboards.Button(t["broadcast.change_audience_button"], new ChangeBroadcastAudience())],
                    [Keyboards.Button(t["broadcast.cancel_button"], new CancelBroadcast())]), ct);
            return;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t.Format("broadcast.started", ("id", result.BroadcastId), ("count", result.Recipients)), null, ct);
        ctx.Reply.Toast(t["broadcast.started_toast"]);
        worker.Wake();
    }

    public async Task CancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        await conversations.ClearAsync(ctx.ChatId, ct);
        await panel.ShowAsync(ctx, ct);
    }

    /// <summary>/cancel: closes the composer; false when no broadcast was being composed.</summary>
    public async Task<bool> TryCancelAsync(UpdateContext ctx, CancellationToken ct)
    {
        if (await conversations.GetAsync<BroadcastDraft>(ctx.ChatId, BroadcastDraft.Flow, ct) is not { } draft)
        {
            return false;
        }

        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.ShowAsync(ctx.ChatId, draft.MessageId, ctx.Texts["broadcast.cancelled"], null, ct);
        return true;
    }

    /// <summary>The draft with its text, or, when it is gone (sent, cancelled, expired), a note saying so.</summary>
    private async Task<BroadcastDraft?> OpenDraftAsync(UpdateContext ctx, CancellationToken ct)
    {
        var draft = await conversations.GetAsync<BroadcastDraft>(ctx.ChatId, BroadcastDraft.Flow, ct);
        if (draft is { Text: not null })
        {
            return draft;
        }

        ctx.Reply.Dialog(ctx.Texts["broadcast.expired"]);
        if (ctx.SourceMessageId is { } stale)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, stale, ct);
        }

        return null;
    }

    private static InlineKeyboardMarkup AudienceButtons(Texts.Texts t) => Keyboards.Rows(
        [
            Keyboards.Button(t["broadcast.audience_all_button"], new PickBroadcastAudience(Audience.All)),
            Keyboards.Button(t["broadcast.audience_future_button"], new PickBroadcastAudience(Audience.WithFutureBookings)),
        ],
        Audience.InactiveChoices.Select(d => Keyboards.Button(t.Format("broadcast.audience_inactive_button", ("days", d)), new PickBroadcastAudience(Audience.InactiveFor(d)))).ToArray(),
        [Keyboards.Button(t["broadcast.cancel_button"], new CancelBroadcast())]);

    /// <summary>The text is sent escaped, so its escaped length is what Telegram's limit applies to.</summary>
    public static bool TooLong(string text, out int length)
    {
        length = Texts.Texts.Escape(text).Length;
        return length > Broadcast.MaxTextLength;
    }

    /// <summary>The audience as the preview names it ("все клиенты", "неактивные 30 дней").</summary>
    public static string Describe(Texts.Texts t, Audience audience) => audience.Kind switch
    {
        AudienceKind.WithFutureBookings => t["broadcast.audience_future"],
        AudienceKind.Inactive => t.Format("broadcast.audience_inactive", ("days", audience.InactiveDays)),
        _ => t["broadcast.audience_all"],
    };
}
