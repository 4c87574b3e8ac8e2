using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Payments;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers.Admin;

/// <summary>A3 + X5: today and the next seven days, one day a screen; a booking's card; marking the visit.</summary>
public sealed class ScheduleScreens(
    Replies replies, GetDaySchedule.Handler days, GetBookingCard.Handler cards, MarkAttendance.Handler marks, MarkRefunded.Handler refunds,
    IConversationStore conversations)
{
    public async Task DayAsync(UpdateContext ctx, DateOnly? date, CancellationToken ct)
    {
        // Back on the schedule, any name, reason or message the admin had been asked to type is no longer awaited.
        await conversations.ClearAsync(ctx.ChatId, ct);
        var (t, f) = (ctx.Texts, ctx.Formats);
        var day = await days.HandleAsync(date, ct);
        var parts = new List<string> { t.Format("schedule.title", ("date", f.Date(day.Date))) };
        parts.Add(day.Lines.Count == 0 ? t["schedule.empty"] : string.Join("\n", day.Lines.Select(l => Line(ctx, l, "schedule.line"))));
        if (day.Cancelled > 0)
        {
            parts.Add(t.Format("schedule.cancelled_count", ("count", day.Cancelled)));
        }

        if (day.Waiting > 0)
        {
            parts.Add(t.Format("schedule.waiting_count", ("count", day.Waiting)));
        }

        if (day.Lines.Any(l => l.AttendanceConfirmed))
        {
            parts.Add(t["schedule.legend"]);
        }

        var rows = day.Lines.Select(l => new[] { Keyboards.Button(Line(ctx, l, "schedule.button"), new ViewBooking(l.BookingId)) }).ToList();
        var nothing = Keyboards.Button(" ", new Nothing(string.Empty));
        rows.Add(
        [
            day.HasPrevious ? Keyboards.Button("◀️", new ShowSchedule(day.Date.AddDays(-1))) : nothing,
            Keyboards.Button(f.Date(day.Date), new Nothing(string.Empty)),
            day.HasNext ? Keyboards.Button("▶️", new ShowSchedule(day.Date.AddDays(1))) : nothing,
        ]);
        if (Permissions.Allows(ctx.AdminRole, Permission.ManageBookings))
        {
            rows.Add([Keyboards.Button(t["schedule.book_button"], new AdminBookStart())]);
        }

        rows.Add([AdminPanel.BackButton(t)]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines([.. parts]), new InlineKeyboardMarkup(rows), ct);
    }

    public async Task CardAsync(UpdateContext ctx, int bookingId, string? notice, CancellationToken ct)
    {
        // Opening a card (or going back to it) ends any reason or message the admin had started typing.
        await conversations.ClearAsync(ctx.ChatId, ct);
        var (t, f) = (ctx.Texts, ctx.Formats);
        var card = await cards.HandleAsync(bookingId, ct);
        if (card is null)
        {
            ctx.Reply.Toast(t["schedule.not_found"]);
            await DayAsync(ctx, null, ct);
            return;
        }

        var b = card.Booking;
        var text = t.Format("schedule.card", ("id", b.Id), ("date", f.Date(b.StartUtc)), ("time", f.Time(b.StartUtc)), ("duration", f.Duration(b.DurationMinutes)),
            ("service", card.Service), ("price", f.Price(b.Price, b.Currency)), ("client", new Texts.Raw(AdminNotifier.Who(t, card.Client))),
            ("status", t[StatusKey(b.Status)]));
        var extra = new List<string?>
        {
            b.AttendanceConfirmedUtc is not null && b.IsActive ? t["schedule.card_confirmed"] : null,
            card.Client.Phone is { } phone ? t.Format("schedule.card_phone", ("phone", phone)) : null,
            t.Format("schedule.card_record", ("visits", card.Visits), ("no_shows", card.NoShows)),
            b.Status == BookingStatus.Expired ? t["schedule.card_hold_expired"] : null,
            b.CancelReason is { } reason ? t.Format("schedule.card_reason", ("reason", reason)) : null,
            b.PaidAmount is { } paid ? t.Format(PaymentKey(b), ("paid", f.Price(paid, b.Currency)), ("date", b.RefundedUtc is { } r ? f.Date(r) : null)) : null,
        };
        text += "\n" + string.Join("\n", extra.Where(e => e is not null));
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, BookingWizard.Lines(notice, text), Buttons(ctx, card), ct);
    }

    public async Task MarkAsync(UpdateContext ctx, MarkVisit mark, CancellationToken ct)
    {
        var t = ctx.Texts;
        var result = await marks.HandleAsync(new MarkAttendance.Request(ctx.ChatId, mark.BookingId, mark.Attended), ct);
        switch (result.Outcome)
        {
            case MarkAttendance.Outcome.Marked or MarkAttendance.Outcome.Unchanged:
                ctx.Reply.Toast(t["schedule.marked"]);
                break;
            case MarkAttendance.Outcome.NotStarted:
                ctx.Reply.Dialog(t["schedule.not_started"]);
                break;
            case MarkAttendance.Outcome.Cancelled:
                ctx.Reply.Toast(t["schedule.not_active"]);
                break;
        }

        await CardAsync(ctx, mark.BookingId, null, ct);
    }

    /// <summary>X3: an admin returned the deposit owed back and says so; the card stops asking for it.</summary>
    public async Task MarkRefundedAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var t = ctx.Texts;
        var result = await refunds.HandleAsync(new MarkRefunded.Request(ctx.ChatId, bookingId), ct);
        ctx.Reply.Toast(result.Outcome switch
        {
            MarkRefunded.Outcome.Marked => t["schedule.refund_marked"],
            MarkRefunded.Outcome.AlreadyMarked => t["schedule.refund_already"],
            MarkRefunded.Outcome.NothingOwed => t["schedule.refund_nothing"],
            _ => t["schedule.not_found"],
        });
        await CardAsync(ctx, bookingId, null, ct);
    }

    /// <summary>"↩️ Deposit returned": under a card owing a refund, and under the admins' message asking for one.</summary>
    public static InlineKeyboardButton RefundButton(Texts.Texts t, int bookingId) => Keyboards.Button(t["schedule.refund_button"], new MarkRefund(bookingId));

    private static string PaymentKey(Core.Domain.Booking b) =>
        b.RefundDue ? "schedule.card_refund_due" : b.RefundedUtc is not null ? "schedule.card_refunded" : "schedule.card_paid";

    private static InlineKeyboardMarkup Buttons(UpdateContext ctx, GetBookingCard.Result card)
    {
        var t = ctx.Texts;
        var b = card.Booking;
        var rows = new List<InlineKeyboardButton[]>();
        if (card.HasStarted && b.Status != BookingStatus.Cancelled)
        {
            rows.Add(
            [
                Keyboards.Button(t["schedule.completed_button"], new MarkVisit(b.Id, true)),
                Keyboards.Button(t["schedule.no_show_button"], new MarkVisit(b.Id, false)),
            ]);
        }

        if (!card.HasStarted && b.IsActive)
        {
            var local = DateOnly.FromDateTime(Core.Scheduling.LocalTime.ToLocal(b.StartUtc, ctx.Formats.Zone));
            rows.Add([Keyboards.Button(t["schedule.move_button"], new AdminMoveMonth(b.Id, new DateOnly(local.Year, local.Month, 1)))]);
            rows.Add([Keyboards.Button(t["schedule.cancel_button"], new AskAdminCancel(b.Id))]);
        }

        if (b.RefundDue)
        {
            rows.Add([RefundButton(t, b.Id)]);
        }

        if (!card.Client.IsErased)
        {
            rows.Add([Keyboards.Button(t["schedule.message_button"], new StartMessageClient(b.Id))]);
        }

        rows.Add([Keyboards.Button(t["schedule.back_button"], new ShowSchedule(DateOnly.FromDateTime(Core.Scheduling.LocalTime.ToLocal(b.StartUtc, ctx.Formats.Zone))))]);
        return new InlineKeyboardMarkup(rows);
    }

    private static string Line(UpdateContext ctx, GetDaySchedule.Line l, string key)
    {
        var t = ctx.Texts;
        var status = l.Status switch
        {
            BookingStatus.Completed => t["my.status_completed"] + " ",
            BookingStatus.NoShow => t["my.status_no_show"] + " ",
            _ => string.Empty,
        };
        return t.Format(key, ("status", status), ("time", ctx.Formats.Time(l.StartUtc)), ("service", l.Service), ("client", l.Client),
            ("confirmed", l.AttendanceConfirmed && l.Status == BookingStatus.Confirmed ? t["schedule.confirmed_mark"] : string.Empty));
    }

    private static string StatusKey(BookingStatus status) => status switch
    {
        BookingStatus.Completed => "schedule.status_completed",
        BookingStatus.NoShow => "schedule.status_no_show",
        BookingStatus.Cancelled or BookingStatus.Expired => "schedule.status_cancelled",
        BookingStatus.AwaitingPayment => "schedule.status_awaiting_payment",
        _ => "schedule.status_confirmed",
    };
}
