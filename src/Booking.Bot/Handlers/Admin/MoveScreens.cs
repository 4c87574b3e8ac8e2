using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Scheduling;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>
/// A3: an admin moves a booking — day, free time, confirmation — on the calendar and slot grid the client's wizard
/// draws, behind admin buttons. The client is told, with the old and the new time.
/// </summary>
public sealed class MoveScreens(
    Replies replies, GetAvailability.Handler availability, GetBookingCard.Handler cards, AdminBookingChanges changes, ScheduleScreens schedule)
{
    public Task RouteAsync(UpdateContext ctx, AdminMoveCallback callback, CancellationToken ct) => callback switch
    {
        AdminMoveMonth c => MonthAsync(ctx, c.BookingId, c.Month, null, ct),
        AdminMoveDay c => DayAsync(ctx, c.BookingId, c.Date, null, ct),
        AdminMoveSlot c => AskAsync(ctx, c, ct),
        AdminMoveConfirm c => ConfirmAsync(ctx, c, ct),
        _ => schedule.CardAsync(ctx, callback.BookingId, null, ct),
    };

    private async Task MonthAsync(UpdateContext ctx, int bookingId, DateOnly month, string? notice, CancellationToken ct)
    {
        var card = await MovableCardAsync(ctx, bookingId, ct);
        var shown = card is null ? null : await availability.MonthAsync(GetAvailability.Subject.AdminMove(bookingId), month.Year, month.Month, ct);
        if (card is null || shown is null)
        {
            await GoneAsync(ctx, bookingId, ct);
            return;
        }

        var (t, f) = (ctx.Texts, ctx.Formats);
        var body = t.Format("schedule.move_date", ("client", card.Client.DisplayName), ("service", card.Service), ("current", f.DateTime(card.Booking.StartUtc)));
        var markup = Keyboards.Calendar(shown, m => new AdminMoveMonth(bookingId, m), d => new AdminMoveDay(bookingId, d), f, [BackButton(ctx, bookingId)]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, body), markup, ct);
    }

    private async Task DayAsync(UpdateContext ctx, int bookingId, DateOnly date, string? notice, CancellationToken ct)
    {
        var card = await MovableCardAsync(ctx, bookingId, ct);
        var day = card is null ? null : await availability.DayAsync(GetAvailability.Subject.AdminMove(bookingId), date, ct);
        if (card is null || day is null)
        {
            await GoneAsync(ctx, bookingId, ct);
            return;
        }

        var (t, f) = (ctx.Texts, ctx.Formats);
        var month = new DateOnly(date.Year, date.Month, 1);
        var free = day.Slots.Count(s => s.IsFree);
        if (free == 0)
        {
            ctx.Reply.Toast(t["refusal.day_full"]);
            await MonthAsync(ctx, bookingId, month, BookingWizard.Lines(notice, t["booking.no_slots"]), ct);
            return;
        }

        var body = t.Format("schedule.move_time", ("client", card.Client.DisplayName), ("service", card.Service), ("duration", f.Duration(day.DurationMinutes)),
            ("date", f.Date(date)), ("free", free), ("total", day.Slots.Count));
        var footer = new[] { Keyboards.Button(t["schedule.move_other_date_button"], new AdminMoveMonth(bookingId, month)), BackButton(ctx, bookingId) };
        var markup = Keyboards.Slots(day.Slots, at => new AdminMoveSlot(bookingId, at), footer);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, body), markup, ct);
    }

    /// <summary>A time was picked: re-checked against the grid, then shown for confirmation.</summary>
    private async Task AskAsync(UpdateContext ctx, AdminMoveSlot pick, CancellationToken ct)
    {
        var (t, f) = (ctx.Texts, ctx.Formats);
        var date = DateOnly.FromDateTime(LocalTime.ToLocal(pick.StartUtc, f.Zone));
        var card = await MovableCardAsync(ctx, pick.BookingId, ct);
        var day = card is null ? null : await availability.DayAsync(GetAvailability.Subject.AdminMove(pick.BookingId), date, ct);
        if (card is null || day is null)
        {
            await GoneAsync(ctx, pick.BookingId, ct);
            return;
        }

        if (card.Booking.StartUtc == pick.StartUtc)
        {
            ctx.Reply.Toast(t["schedule.move_same_time"]);
            return;
        }

        if (!day.Slots.Any(s => s.StartUtc == pick.StartUtc && s.IsFree))
        {
            ctx.Reply.Toast(t["refusal.slot_busy"]);
            await DayAsync(ctx, pick.BookingId, date, t["refusal.slot_taken"], ct);
            return;
        }

        var body = t.Format("schedule.move_confirm", ("client", card.Client.DisplayName), ("service", card.Service),
            ("old", f.DateTime(card.Booking.StartUtc)), ("new", f.DateTime(pick.StartUtc)));
        var markup = Keyboards.Rows(
            [Keyboards.Button(t["schedule.move_confirm_button"], new AdminMoveConfirm(pick.BookingId, pick.StartUtc))],
            [Keyboards.Button(t["schedule.move_other_time_button"], new AdminMoveDay(pick.BookingId, date)), BackButton(ctx, pick.BookingId)]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, body, markup, ct);
    }

    private async Task ConfirmAsync(UpdateContext ctx, AdminMoveConfirm confirm, CancellationToken ct)
    {
        var t = ctx.Texts;
        var (result, told) = await changes.MoveAsync(ctx.ChatId, confirm.BookingId, confirm.StartUtc, ct);
        switch (result.Outcome)
        {
            case MoveByAdmin.Outcome.Moved:
                await schedule.CardAsync(ctx, confirm.BookingId, t[told ? "schedule.moved" : "schedule.moved_not_told"], ct);
                break;
            case MoveByAdmin.Outcome.SameTime:
                await schedule.CardAsync(ctx, confirm.BookingId, null, ct); // a second tap on a move that already went through
                break;
            case MoveByAdmin.Outcome.SlotUnavailable:
                await RefuseAsync(ctx, confirm, result.Check, ct);
                break;
            default:
                await GoneAsync(ctx, confirm.BookingId, ct);
                break;
        }
    }

    /// <summary>A refused move shows why, with fresh choices: the same day's times, or the month.</summary>
    private async Task RefuseAsync(UpdateContext ctx, AdminMoveConfirm confirm, SlotCheck check, CancellationToken ct)
    {
        var notice = ctx.Texts[AdminPlacement.RefusalKey(check)];
        var date = DateOnly.FromDateTime(LocalTime.ToLocal(confirm.StartUtc, ctx.Formats.Zone));
        if (AdminPlacement.BackToMonth(ctx, check, date))
        {
            await MonthAsync(ctx, confirm.BookingId, ctx.ThisMonth, notice, ct);
            return;
        }

        await DayAsync(ctx, confirm.BookingId, date, notice, ct);
    }

    /// <summary>The card of a booking that can still be moved: active and not begun. Null otherwise.</summary>
    private async Task<GetBookingCard.Result?> MovableCardAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var card = await cards.HandleAsync(bookingId, ct);
        return card is { Booking.IsActive: true, HasStarted: false } ? card : null;
    }

    /// <summary>The booking can no longer be moved: its card says why (a missing one falls back to the day).</summary>
    private async Task GoneAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var card = await cards.HandleAsync(bookingId, ct);
        var notice = card is null ? null : ctx.Texts[card is { HasStarted: true, Booking.IsActive: true } ? "schedule.already_started" : "schedule.not_active"];
        await schedule.CardAsync(ctx, bookingId, notice, ct);
    }

    private static InlineKeyboardButton BackButton(UpdateContext ctx, int bookingId) =>
        Keyboards.Button(ctx.Texts["schedule.back_to_card_button"], new ViewBooking(bookingId));
}
