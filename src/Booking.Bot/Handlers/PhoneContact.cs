using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Clients;
using Telegram.Bot.Types;

namespace Booking.Bot.Handlers;

/// <summary>
/// C11: a shared contact, and the skip and cancel buttons of the phone step. Only the sender's own contact is stored.
/// Once the step is answered the main menu comes back and the wizard goes on in its own message.
/// </summary>
public sealed class PhoneContact(
    Replies replies, IConversationStore conversations, SaveClientPhone.Handler save, PhoneStep step, BookingCallbacks booking)
{
    public async Task ContactAsync(UpdateContext ctx, Contact contact, CancellationToken ct)
    {
        var t = ctx.Texts;
        var draft = await step.PendingAsync(ctx.ChatId, ct);
        var result = await save.HandleAsync(new SaveClientPhone.Request(ctx.ChatId, contact.UserId, contact.PhoneNumber), ct);
        if (result.Outcome != SaveClientPhone.Outcome.Saved)
        {
            var key = result.Outcome == SaveClientPhone.Outcome.NotOwnContact ? "privacy.phone_not_own" : "privacy.phone_invalid";
            var keyboard = draft is null ? Keyboards.MainMenu(ctx) : PhoneStep.Keyboard(t, draft.PhoneSkippable);
            await replies.SendAsync(ctx.ChatId, t[key], keyboard, ct);
            return;
        }

        await replies.SendAsync(ctx.ChatId, t.Format("privacy.phone_saved", ("phone", result.Phone)), Keyboards.MainMenu(ctx), ct);
        if (draft is not null)
        {
            await ContinueAsync(ctx, draft, ct);
        }
    }

    /// <summary>A typed answer while the phone step is open; false when it is not.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        if (await step.PendingAsync(ctx.ChatId, ct) is not { } draft)
        {
            return false;
        }

        var t = ctx.Texts;
        if (draft.PhoneSkippable && IsLabel(ctx, "privacy.phone_skip_button", text))
        {
            await replies.SendAsync(ctx.ChatId, t["privacy.phone_skipped"], Keyboards.MainMenu(ctx), ct);
            await ContinueAsync(ctx, draft, ct);
        }
        else if (IsLabel(ctx, "privacy.phone_cancel_button", text))
        {
            await conversations.ClearAsync(ctx.ChatId, ct);
            await replies.ShowAsync(ctx.ChatId, draft.MessageId, t["booking.closed"], null, ct);
            await replies.SendAsync(ctx.ChatId, t["cancel.done"], Keyboards.MainMenu(ctx), ct);
        }
        else
        {
            await replies.SendAsync(ctx.ChatId, t["privacy.phone_use_buttons"], PhoneStep.Keyboard(t, draft.PhoneSkippable), ct);
        }

        return true;
    }

    /// <summary>The time picked before the phone step is checked again and, if still free, the confirm step is drawn.</summary>
    private Task ContinueAsync(UpdateContext ctx, BookingDraft draft, CancellationToken ct)
    {
        if (!Target.TryParse(draft.Target, out var target) || target.IsReschedule)
        {
            return conversations.ClearAsync(ctx.ChatId, ct);
        }

        var wizard = ctx with { WizardMessageId = draft.MessageId };
        return booking.PlaceAsync(wizard, new PickSlot(target, draft.PhoneForUtc!.Value), askPhone: false, ct);
    }

    /// <summary>The keyboard on screen may predate a language switch, so labels count in every language.</summary>
    private static bool IsLabel(UpdateContext ctx, string key, string text) =>
        Languages.All.Any(l => string.Equals(ctx.Texts.In(l)[key], text, StringComparison.Ordinal));
}
