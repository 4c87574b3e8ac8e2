using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers;

/// <summary>
/// C11: the booking wizard's phone step, between the time and the confirm step. The wizard message says what is
/// asked; the contact button itself can only live on a reply keyboard, which comes with a short message of its own
/// and replaces the main menu until the client answers (<see cref="PhoneContact"/> puts the menu back).
/// </summary>
public sealed class PhoneStep(Replies replies, IConversationStore conversations)
{
    public async Task AskAsync(UpdateContext ctx, PickSlot pick, PhoneRequest mode, CancellationToken ct)
    {
        var t = ctx.Texts;
        var skippable = mode == PhoneRequest.Optional;
        var text = BookingWizard.Lines(t["privacy.phone_ask"], skippable ? t["privacy.phone_ask_optional"] : null);
        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, null, ct);
        var draft = new BookingDraft(messageId, pick.Target.ToString()) { PhoneForUtc = pick.StartUtc, PhoneSkippable = skippable };
        await conversations.SetAsync(ctx.ChatId, BookingDraft.Flow, draft, ct);
        await replies.SendAsync(ctx.ChatId, t["privacy.phone_keyboard"], Keyboard(t, skippable), ct);
    }

    /// <summary>The open phone step of this chat, or null when the wizard is not waiting for a phone.</summary>
    public async Task<BookingDraft?> PendingAsync(long chatId, CancellationToken ct) =>
        await conversations.GetAsync<BookingDraft>(chatId, BookingDraft.Flow, ct) is { PhoneForUtc: not null } draft ? draft : null;

    public static ReplyKeyboardMarkup Keyboard(Texts.Texts t, bool skippable)
    {
        var rows = new List<KeyboardButton[]> { new[] { KeyboardButton.WithRequestContact(t["privacy.phone_share_button"]) } };
        if (skippable)
        {
            rows.Add([new KeyboardButton(t["privacy.phone_skip_button"])]);
        }

        rows.Add([new KeyboardButton(t["privacy.phone_cancel_button"])]);
        return new ReplyKeyboardMarkup(rows) { ResizeKeyboard = true, IsPersistent = true };
    }
}
