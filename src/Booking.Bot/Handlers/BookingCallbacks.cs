using Booking.Bot.Callbacks;
using Booking.Bot.Observability;
using Booking.Bot.Receiving;
using Booking.Core.Conversation;
using Booking.Core.Domain;
using Booking.Core.Features.Clients;
using Booking.Core.Features.Availability;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Catalog;
using Booking.Core.Scheduling;

namespace Booking.Bot.Handlers;

/// <summary>Inline buttons of the booking wizard: pick service, month, day, slot; confirm; close.</summary>
public sealed class BookingCallbacks(
    BookingWizard wizard, Replies replies, IConversationStore conversations, ListServices.Handler services,
    GetAvailability.Handler availability, BookSlot.Handler book, RescheduleBooking.Handler reschedule,
    ListClientBookings.Handler bookings, AdminNotifier admins, MyBookingsScreens myBookings, AskForPhone.Handler phoneQuestion, PhoneStep phoneStep,
    CalendarFile calendarFile, PaymentUpdates payments, BotOptions options)
{
    public async Task PickServiceAsync(UpdateContext ctx, PickService pick, CancellationToken ct)
    {
        var today = ctx.ThisMonth;
        if (!await wizard.ShowMonthAsync(ctx, Target.Book(pick.ServiceId), today, null, ct))
        {
            await ServiceGoneAsync(ctx, ct);
        }
    }

    public Task ListServicesAsync(UpdateContext ctx, CancellationToken ct) => wizard.ShowServicesAsync(ctx, null, ct);

    public async Task ShowMonthAsync(UpdateContext ctx, ShowMonth show, CancellationToken ct)
    {
        if (show.Target.IsReschedule && !await RescheduleAllowedAsync(ctx, show.Target.Id, ct))
        {
            return;
        }

        if (!await wizard.ShowMonthAsync(ctx, show.Target, show.Month, null, ct))
        {
            await SubjectGoneAsync(ctx, show.Target, ct);
        }
    }

    public async Task PickDayAsync(UpdateContext ctx, PickDay pick, CancellationToken ct)
    {
        if (!await wizard.ShowDayAsync(ctx, pick.Target, pick.Date, null, ct))
        {
            await SubjectGoneAsync(ctx, pick.Target, ct);
        }
    }

    public Task PickSlotAsync(UpdateContext ctx, PickSlot pick, CancellationToken ct) => PlaceAsync(ctx, pick, askPhone: true, ct);

    /// <summary>
    /// Checks the picked time afresh and draws the confirm step — or, for a first booking when the business asks for a
    /// phone (C11), the phone step first; <paramref name="askPhone"/> is false once that step is answered.
    /// </summary>
    public async Task PlaceAsync(UpdateContext ctx, PickSlot pick, bool askPhone, CancellationToken ct)
    {
        var date = DateOnly.FromDateTime(LocalTime.ToLocal(pick.StartUtc, ctx.Formats.Zone));
        var day = await availability.DayAsync(pick.Target.ToSubject(ctx.ChatId), date, ct);
        if (day is null)
        {
            await SubjectGoneAsync(ctx, pick.Target, ct);
            return;
        }

        if (!day.Slots.Any(s => s.StartUtc == pick.StartUtc && s.IsFree))
        {
            ctx.Reply.Toast(ctx.Texts["refusal.slot_busy"]);
            await wizard.ShowDayAsync(ctx, pick.Target, date, ctx.Texts["refusal.slot_taken"], ct);
            return;
        }

        if (pick.Target.IsReschedule)
        {
            var current = (await bookings.HandleAsync(ctx.ChatId, ct)).Upcoming.FirstOrDefault(b => b.Id == pick.Target.Id);
            if (current is null)
            {
                await SubjectGoneAsync(ctx, pick.Target, ct);
                return;
            }

            if (current.StartUtc == pick.StartUtc)
            {
                ctx.Reply.Toast(ctx.Texts["reschedule.same_time"]);
                return;
            }

            await wizard.ShowConfirmAsync(ctx, pick.Target, pick.StartUtc, day.Service, current.DurationMinutes, current.Price, current.Currency, current.StartUtc, ct);
            return;
        }

        if (askPhone && await phoneQuestion.HandleAsync(ctx.ChatId, ct) is var mode and not PhoneRequest.Off)
        {
            await phoneStep.AskAsync(ctx, pick, mode, ct);
            return;
        }

        await wizard.ShowConfirmAsync(ctx, pick.Target, pick.StartUtc, day.Service, day.Service.DurationMinutes, day.Service.Price, day.Service.Currency, null, ct);
    }

    public Task ConfirmAsync(UpdateContext ctx, Confirm confirm, CancellationToken ct) => confirm.Target.IsReschedule
        ? ConfirmRescheduleAsync(ctx, confirm, ct)
        : BookAsync(ctx, confirm, check => ShowRefusalAsync(ctx, confirm, check, ct), ct);

    public async Task CloseAsync(UpdateContext ctx, CancellationToken ct)
    {
        await conversations.ClearAsync(ctx.ChatId, ct);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, ctx.Texts["booking.closed"], null, ct);
    }

    /// <summary>
    /// Books a confirmed new booking (C5) — from the wizard, or from a waitlist offer (X4) — and draws the result in the
    /// message tapped. A time that cannot be booked is handed to <paramref name="refused"/>, which shows fresh choices.
    /// </summary>
    public async Task BookAsync(UpdateContext ctx, Confirm confirm, Func<SlotCheck, Task> refused, CancellationToken ct)
    {
        var t = ctx.Texts;
        if (await phoneQuestion.HandleAsync(ctx.ChatId, ct) == PhoneRequest.Required)
        {
            // A confirm drawn before the phone became required, or forged: the phone comes first all the same.
            await phoneStep.AskAsync(ctx, new PickSlot(confirm.Target, confirm.StartUtc), PhoneRequest.Required, ct);
            return;
        }

        var result = await book.HandleAsync(new BookSlot.Request(ctx.ChatId, confirm.Target.Id, confirm.StartUtc, options.Payments.Terms), ct);
        BotMetrics.CountBooking("book", result.Outcome);
        switch (result.Outcome)
        {
            case BookSlot.Outcome.AwaitingPayment or BookSlot.Outcome.AlreadyBooked when result.Booking!.IsAwaitingPayment:
                // X3: confirmed only once the deposit arrives; a repeated tap redraws the card without a second invoice.
                await conversations.ClearAsync(ctx.ChatId, ct);
                await payments.AskToPayAsync(ctx, result.Booking, sendInvoice: result.Outcome == BookSlot.Outcome.AwaitingPayment, ct);
                break;
            case BookSlot.Outcome.Booked or BookSlot.Outcome.AlreadyBooked:
                var booking = result.Booking!;
                var f = ctx.Formats;
                var service = await services.FindAnyAsync(booking.ServiceId, ct);
                var text = t.Format("booking.confirmed", ("service", service?.Name), ("date", f.Date(booking.StartUtc)), ("time", f.Time(booking.StartUtc)),
                    ("duration", f.Duration(booking.DurationMinutes)), ("price", f.Price(booking.Price, booking.Currency)));
                await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, null, ct);
                await conversations.ClearAsync(ctx.ChatId, ct);
                if (result.Outcome == BookSlot.Outcome.Booked)
                {
                    await admins.NotifyAsync("admin.new_booking", ctx.Client, service?.Name, booking.StartUtc, null, ct);

                    // Last, so nothing above waits for the upload; a double tap (AlreadyBooked) gets no second file.
                    await calendarFile.SendAsync(ctx, booking.Id, ct);
                }

                break;
            case BookSlot.Outcome.LimitReached:
                ctx.Reply.Dialog(t.Format("refusal.limit", ("limit", result.Limit)));
                await myBookings.ShowAsync(ctx, ct);
                break;
            case BookSlot.Outcome.ServiceUnavailable:
                await ServiceGoneAsync(ctx, ct);
                break;
            default:
                await refused(result.Check);
                break;
        }
    }

    private async Task ConfirmRescheduleAsync(UpdateContext ctx, Confirm confirm, CancellationToken ct)
    {
        var t = ctx.Texts;
        var result = await reschedule.HandleAsync(new RescheduleBooking.Request(ctx.ChatId, confirm.Target.Id, confirm.StartUtc), ct);
        BotMetrics.CountBooking("reschedule", result.Outcome);
        switch (result.Outcome)
        {
            case RescheduleBooking.Outcome.Moved:
                var booking = result.Booking!;
                var f = ctx.Formats;
                var text = t.Format("reschedule.done", ("service", booking.Service?.Name), ("old", f.DateTime(result.PreviousStartUtc!.Value)), ("new", f.DateTime(booking.StartUtc)));
                await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, null, ct);
                await conversations.ClearAsync(ctx.ChatId, ct);
                await admins.NotifyAsync("admin.rescheduled", ctx.Client, booking.Service?.Name, booking.StartUtc, result.PreviousStartUtc, ct);
                await calendarFile.SendAsync(ctx, booking.Id, ct);
                break;
            case RescheduleBooking.Outcome.SameTime:
                break; // a second tap on a confirm that already went through
            case RescheduleBooking.Outcome.TooLate:
                ctx.Reply.Dialog(t.Format("reschedule.too_late", ("hours", result.WindowHours)));
                await myBookings.ShowAsync(ctx, ct);
                break;
            case RescheduleBooking.Outcome.NotFound or RescheduleBooking.Outcome.NotActive:
                await SubjectGoneAsync(ctx, confirm.Target, ct);
                break;
            default:
                await ShowRefusalAsync(ctx, confirm, result.Check, ct);
                break;
        }
    }

    /// <summary>A refused confirm shows why, with fresh choices: the same day's slots, or the month.</summary>
    private async Task ShowRefusalAsync(UpdateContext ctx, Confirm confirm, SlotCheck check, CancellationToken ct)
    {
        var key = check switch
        {
            SlotCheck.Taken => "refusal.slot_taken",
            SlotCheck.TooSoon => "refusal.too_soon",
            SlotCheck.BeyondHorizon => "refusal.beyond_horizon",
            _ => "refusal.not_offered",
        };
        var notice = ctx.Texts[key];
        var date = DateOnly.FromDateTime(LocalTime.ToLocal(confirm.StartUtc, ctx.Formats.Zone));
        var today = ctx.ThisMonth;
        var shown = check != SlotCheck.BeyondHorizon && date >= ctx.Today && await wizard.ShowDayAsync(ctx, confirm.Target, date, notice, ct);
        if (!shown && !await wizard.ShowMonthAsync(ctx, confirm.Target, today, notice, ct))
        {
            await SubjectGoneAsync(ctx, confirm.Target, ct);
        }
    }

    private async Task<bool> RescheduleAllowedAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var verdict = await myBookings.CheckChangeAsync(ctx, bookingId, ct);
        if (verdict is null)
        {
            return true;
        }

        ctx.Reply.Dialog(verdict);
        await myBookings.ShowAsync(ctx, ct);
        return false;
    }

    private async Task ServiceGoneAsync(UpdateContext ctx, CancellationToken ct)
    {
        ctx.Reply.Toast(ctx.Texts["refusal.service_unavailable"]);
        await wizard.ShowServicesAsync(ctx, ctx.Texts["refusal.service_unavailable"], ct);
    }

    private async Task SubjectGoneAsync(UpdateContext ctx, Target target, CancellationToken ct)
    {
        if (!target.IsReschedule)
        {
            await ServiceGoneAsync(ctx, ct);
            return;
        }

        ctx.Reply.Toast(ctx.Texts["cancel_booking.not_found"]);
        await myBookings.ShowAsync(ctx, ct);
    }
}
