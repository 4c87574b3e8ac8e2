using Booking.Bot.Callbacks;
using Booking.Bot.Receiving;
using Booking.Bot.Rendering;
using Booking.Core.Domain;
using Booking.Core.Features.Bookings;
using Booking.Core.Features.Waitlist;
using Telegram.Bot.Types.ReplyMarkups;

namespace Booking.Bot.Handlers;

/// <summary>C6/C7: the client's bookings, with cancel (asked, then confirmed) and reschedule.</summary>
public sealed class MyBookingsScreens(
    Replies replies, ListClientBookings.Handler bookings, CancelBooking.Handler cancel, ListWaits.Handler waits, AdminNotifier admins)
{
    public async Task ShowAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var f = ctx.Formats;
        var list = await bookings.HandleAsync(ctx.ChatId, ct);
        var today = ctx.Today;
        var rows = new List<InlineKeyboardButton[]>();
        var parts = new List<string> { t["my.title"] };
        if (list.Upcoming.Count == 0 && list.Held.Count == 0)
        {
            parts.Add(t["my.empty"]);
        }

        for (var i = 0; i < list.Upcoming.Count; i++)
        {
            var b = list.Upcoming[i];
            var index = i + 1;
            parts.Add(t.Format("my.item", ("index", index), ("service", b.Service?.Name), ("date", f.Date(b.StartUtc)), ("time", f.Time(b.StartUtc)),
                ("relative", f.Relative(b.StartUtc, today)), ("duration", f.Duration(b.DurationMinutes)), ("price", f.Price(b.Price, b.Currency))));
            rows.Add(
            [
                Keyboards.Button(t.Format("my.cancel_button", ("index", index)), new AskCancel(b.Id)),
                Keyboards.Button(t.Format("my.reschedule_button", ("index", index)), new ShowMonth(Target.Move(b.Id), ctx.ThisMonth)),
            ]);
        }

        // The invoice above in the chat pays a held booking; the only button here gives the hold up at once (asked
        // first, like a cancellation) instead of letting it lapse.
        foreach (var b in list.Held)
        {
            parts.Add(t.Format("my.held_item", ("service", b.Service?.Name), ("date", f.Date(b.StartUtc)), ("time", f.Time(b.StartUtc)),
                ("deposit", f.Price(b.DepositAmount ?? 0, b.Currency)), ("until", f.Time(b.HoldUntilUtc ?? ctx.NowUtc))));
            rows.Add([Keyboards.Button(t.Format("my.release_button", ("date", f.Date(b.StartUtc)), ("time", f.Time(b.StartUtc))), new AskCancel(b.Id))]);
        }

        var footer = new List<InlineKeyboardButton>();
        if (list.Upcoming.Count + list.Held.Count < list.Limit)
        {
            footer.Add(Keyboards.Button(t["my.book_button"], new ListServicesAgain()));
        }

        if (list.Recent.Count > 0)
        {
            footer.Add(Keyboards.Button(t["my.past_button"], new ShowPastBookings()));
        }

        if (footer.Count > 0)
        {
            rows.Add([.. footer]);
        }

        if (await waits.CountAsync(ctx.ChatId, ct) is > 0 and var waiting)
        {
            rows.Add([Keyboards.Button(t.Format("waitlist.count_button", ("count", waiting)), new ShowWaits())]);
        }

        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, string.Join("\n\n", parts), new InlineKeyboardMarkup(rows), ct);
    }

    public async Task ShowPastAsync(UpdateContext ctx, CancellationToken ct)
    {
        var t = ctx.Texts;
        var f = ctx.Formats;
        var recent = (await bookings.HandleAsync(ctx.ChatId, ct)).Recent;
        var lines = recent.Select(b => t.Format("my.past_item", ("status", new Texts.Raw(t[StatusKey(b.Status)])), ("date", f.Date(b.StartUtc)),
            ("time", f.Time(b.StartUtc)), ("service", b.Service?.Name)));
        var body = recent.Count == 0 ? t["my.past_empty"] : string.Join("\n", lines);
        var rows = BookAgainServices(recent)
            .Select(s => new[] { Keyboards.Button(t.Format("my.again_button", ("service", s.Name)), new PickService(s.Id)) })
            .Append([Keyboards.Button(t["my.back_button"], new ShowMyBookings())]);
        var markup = new InlineKeyboardMarkup(rows);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, t["my.past_title"] + "\n\n" + body, markup, ct);
    }

    /// <summary>
    /// What a client may book again straight from their history: the services of their recent visits (a past booking
    /// that was not cancelled), most recent first, each once, and only while the business still offers it.
    /// </summary>
    public static IReadOnlyList<Service> BookAgainServices(IEnumerable<Core.Domain.Booking> recent) =>
        recent.Where(b => b.Status is BookingStatus.Completed or BookingStatus.Confirmed)
            .Select(b => b.Service)
            .OfType<Service>()
            .Where(s => s.IsBookable)
            .DistinctBy(s => s.Id)
            .Take(3)
            .ToList();

    public async Task AskCancelAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var verdict = await cancel.CheckAsync(new CancelBooking.Request(ctx.ChatId, bookingId), ct);
        if (await RefusedAsync(ctx, verdict, ct))
        {
            return;
        }

        var t = ctx.Texts;
        var b = verdict.Booking!;
        var text = t.Format("cancel_booking.ask", ("service", b.Service?.Name), ("date", ctx.Formats.Date(b.StartUtc)), ("time", ctx.Formats.Time(b.StartUtc)));
        var markup = Keyboards.Rows([Keyboards.Button(t["cancel_booking.yes_button"], new ConfirmCancel(bookingId)), Keyboards.Button(t["cancel_booking.no_button"], new ShowMyBookings())]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
    }

    public async Task ConfirmCancelAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var result = await cancel.HandleAsync(new CancelBooking.Request(ctx.ChatId, bookingId), ct);
        var b = result.Booking;

        // A hold given up (X3) ends as Expired: it was never a visit, so it is neither a cancellation to count nor
        // one to tell the admins about.
        var wasHold = b?.Status == BookingStatus.Expired;
        if (!wasHold)
        {
            Observability.BotMetrics.CountBooking("cancel", result.Outcome);
        }

        var alreadyDone = result.Outcome == CancelBooking.Outcome.NotActive && b?.Status is BookingStatus.Cancelled or BookingStatus.Expired;
        if (!alreadyDone && await RefusedAsync(ctx, result, ct))
        {
            return;
        }

        var t = ctx.Texts;
        var text = t.Format("cancel_booking.done", ("service", b!.Service?.Name), ("date", ctx.Formats.Date(b.StartUtc)), ("time", ctx.Formats.Time(b.StartUtc)));
        var markup = Keyboards.Rows([Keyboards.Button(t["my.back_button"], new ShowMyBookings())]);
        await replies.ShowAsync(ctx.ChatId, ctx.SourceMessageId, text, markup, ct);
        if (!alreadyDone && !wasHold)
        {
            await admins.NotifyAsync("admin.cancelled", ctx.Client, b.Service?.Name, b.StartUtc, null, ct);
        }
    }

    /// <summary>Null when the booking may still be changed; otherwise the polite reason why not.</summary>
    public async Task<string?> CheckChangeAsync(UpdateContext ctx, int bookingId, CancellationToken ct)
    {
        var verdict = await cancel.CheckAsync(new CancelBooking.Request(ctx.ChatId, bookingId), ct);
        return verdict.Outcome switch
        {
            CancelBooking.Outcome.Cancelled => null,
            CancelBooking.Outcome.TooLate => ctx.Texts.Format("reschedule.too_late", ("hours", verdict.WindowHours)),
            _ => ctx.Texts["cancel_booking.not_found"],
        };
    }

    private async Task<bool> RefusedAsync(UpdateContext ctx, CancelBooking.Result verdict, CancellationToken ct)
    {
        switch (verdict.Outcome)
        {
            case CancelBooking.Outcome.Cancelled:
                return false;
            case CancelBooking.Outcome.TooLate:
                ctx.Reply.Dialog(ctx.Texts.Format("cancel_booking.too_late", ("hours", verdict.WindowHours)));
                break;
            default:
                ctx.Reply.Toast(ctx.Texts["cancel_booking.not_found"]);
                break;
        }

        await ShowAsync(ctx, ct);
        return true;
    }

    private static string StatusKey(BookingStatus status) => status switch
    {
        BookingStatus.Completed => "my.status_completed",
        BookingStatus.Cancelled => "my.status_cancelled",
        BookingStatus.NoShow => "my.status_no_show",
        _ => "my.status_confirmed",
    };
}
