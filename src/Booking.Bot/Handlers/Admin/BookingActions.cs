using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Bot.Texts;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Exceptions;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A3: an admin cancels a booking (the client is told, with the reason if one was typed) or writes to its client
/// (the typed text is forwarded as a message from the administrator).
/// </summary>
public sealed class BookingActions(
    Replies replies, AdminBookingChanges changes, GetBookingCard.Handler cards, ScheduleScreens schedule, IConversationStore conversations,
    ClientNotices notices)
{
    /// <summary>What the admin's next typed text is for: a cancellation reason or a message to the client.</summary>
    public sealed record Draft(int BookingId, int MessageId)
    {
        public const string CancelFlow = "admin-cancel";
        public const string MessageFlow = "admin-message";
    }

    public async Task AskCancelAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var (t, f) = (ctx.Texts, ctx.Formats);
        var card = await cards.HandleAsync(bookingId, ct);
        if (card is not { Booking.IsActive: true, HasStarted: false })
        {
            await schedule.CardAsync(ctx, bookingId, t[card is null ? "schedule.not_found" : "schedule.not_active"], ct);
            return;
        }

        var b = card.Booking;
        var text = t.Format("schedule.cancel_prompt", ("client", card.Client.DisplayName), ("date", f.Date(b.StartUtc)), ("time", f.Time(b.StartUtc)));
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["schedule.cancel_no_reason_button"], new AdminCancel(bookingId))],
            [Keyboards.Button(t["schedule.back_to_card_button"], new ViewBooking(bookingId))]);
        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
        await conversations.SetAsync(ctx.ChatId, Draft.CancelFlow, new Draft(bookingId, messageId), ct);
    }

    public async Task CancelAsync(UpdateContext ctx, int bookingId, string? reason, CancellationToken ct)
    {
        await conversations.ClearAsync(ctx.ChatId, ct);
        var t = ctx.Texts;
        var (result, told) = await changes.CancelAsync(ctx.ChatId, bookingId, reason, ct);
        var notice = result.Outcome switch
        {
            CancelByAdmin.Outcome.Cancelled => t[told ? "schedule.cancelled" : "schedule.cancelled_not_told"],
            CancelByAdmin.Outcome.AlreadyStarted => t["schedule.already_started"],
            CancelByAdmin.Outcome.NotActive => t["schedule.not_active"],
            _ => t["schedule.not_found"],
        };
        await schedule.CardAsync(ctx, bookingId, notice, ct);
    }

    public async Task StartMessageAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var t = ctx.Texts;
        var card = await cards.HandleAsync(bookingId, ct);
        if (card is null)
        {
            await schedule.CardAsync(ctx, bookingId, null, ct);
            return;
        }

        var markup = Keyboards.Rows([Keyboards.Button(t["schedule.back_to_card_button"], new ViewBooking(bookingId))]);
        var text = t.Format("schedule.message_prompt", ("client", card.Client.DisplayName));
        var messageId = await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
        await conversations.SetAsync(ctx.ChatId, Draft.MessageFlow, new Draft(bookingId, messageId), ct);
    }

    /// <summary>Typed text while a reason or a message is awaited; false when neither is.</summary>
    public async Task<bool> TryTypedAsync(UpdateContext ctx, string text, CancellationToken ct)
    {
        if (await conversations.GetAsync<Draft>(ctx.ChatId, Draft.CancelFlow, ct) is { } reasonFor)
        {
            await replies.RemoveButtonsAsync(ctx.ChatId, reasonFor.MessageId, ct);
            await CancelAsync(ctx, reasonFor.BookingId, text, ct);
            return true;
        }

        if (await conversations.GetAsync<Draft>(ctx.ChatId, Draft.MessageFlow, ct) is not { } messageFor)
        {
            return false;
        }

        await replies.RemoveButtonsAsync(ctx.ChatId, messageFor.MessageId, ct);
        var card = await cards.HandleAsync(messageFor.BookingId, ct);
        var delivered = card is not null && await notices.TellAsync(card.Client.Id, (t, _) => t.Format("schedule.client_message", ("text", text)), ct);
        await schedule.CardAsync(ctx, messageFor.BookingId, ctx.Texts[delivered ? "schedule.message_sent" : "schedule.message_failed"], ct);
        return true;
    }
}
